package io.paperboy.digest;

import io.paperboy.web.Templates;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each digest item as HTML and as text, rendered once per run: subscribers share most items (the
 * trending ones, and those of popular interests), and rendering them is most of a digest's cost.
 */
public final class ItemRenderer {
    // Keyed by paper and reason, which decide everything else in an item within one run: hashing
    // and comparing two short strings, not the whole item (a fifth of composing 100,000 digests).
    private record Key(String paperId, String reason) {}

    private final Map<Key, String> html = new ConcurrentHashMap<>();
    private final Map<Key, String> text = new ConcurrentHashMap<>();

    /** The item's rows of the mail's HTML table (escaped by the template). */
    public String html(DigestItem item) {
        return html.computeIfAbsent(
                new Key(item.paperId(), item.reason()), k -> Templates.render("digest/item.jte", Map.of("item", item)));
    }

    /** Appends the item's lines of the plain-text part, numbered {@code n}. */
    void appendText(StringBuilder out, DigestItem item, int n) {
        out.append(n)
                .append(". ")
                .append(text.computeIfAbsent(new Key(item.paperId(), item.reason()), k -> plain(item)));
    }

    private static String plain(DigestItem item) {
        StringBuilder out = new StringBuilder(512);
        out.append(item.title()).append('\n');
        if (!item.authors().isEmpty()) {
            out.append("   ").append(item.authors()).append('\n');
        }
        out.append("   ").append(item.votes()).append(item.votes() == 1 ? " vote" : " votes");
        if (item.reason() != null) {
            out.append(" · ").append(item.reason());
        }
        out.append('\n');
        if (!item.snippet().isEmpty()) {
            out.append("   ").append(item.snippet()).append('\n');
        }
        out.append("   Paper: ").append(item.pageUrl()).append('\n');
        if (item.arxivUrl() != null) {
            out.append("   arXiv: ").append(item.arxivUrl()).append('\n');
        }
        if (item.codeUrl() != null) {
            out.append("   Code:  ").append(item.codeUrl()).append('\n');
        }
        return out.append('\n').toString();
    }
}
