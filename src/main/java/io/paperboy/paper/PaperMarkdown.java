package io.paperboy.paper;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A paper as Markdown for agents and scripts, as Hugging Face serves {@code /papers/{id}.md}: the
 * title as the heading, then authors, dates, links and keywords as a list, the abstract, and the
 * linked code, models, datasets and Spaces. Text from the sources is kept as written (TeX math
 * included); only what would change the document's structure is escaped.
 */
public final class PaperMarkdown {
    private static final Pattern INLINE_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|])");
    private static final Pattern HTML_START = Pattern.compile("<(?=[A-Za-z/!?])");

    private PaperMarkdown() {}

    /** {@code keywords} are the paper's key phrases (may be empty); {@code pageUrl} is its page here. */
    public static String of(Paper p, List<String> keywords, String pageUrl) {
        return of(p, new PaperExtras(keywords, null, null), pageUrl);
    }

    /** With what other features know: key phrases, GitHub stars, the Hub's linked models, datasets and Spaces. */
    public static String of(Paper p, PaperExtras extras, String pageUrl) {
        List<String> keywords = extras.keywords();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(p.title())).append("\n\n");
        if (!p.authors().isEmpty()) {
            md.append("- **Authors:** ")
                    .append(inline(String.join(", ", p.authors())))
                    .append('\n');
        }
        if (p.published() != null) {
            md.append("- **Published:** ").append(p.published()).append('\n');
        }
        if (p.isArxiv()) {
            md.append("- **arXiv:** [")
                    .append(p.id())
                    .append("](")
                    .append(PaperLinks.abs(p))
                    .append(")\n");
            md.append("- **PDF:** ").append(PaperLinks.pdf(p)).append('\n');
        }
        if (!p.categories().isEmpty()) {
            md.append("- **Categories:** ")
                    .append(String.join(", ", p.categories()))
                    .append('\n');
        }
        if (!keywords.isEmpty()) {
            md.append("- **Keywords:** ")
                    .append(inline(String.join(", ", keywords)))
                    .append('\n');
        }
        if (extras.githubStars() != null) {
            md.append("- **GitHub stars:** ").append(extras.githubStars()).append('\n');
        }
        md.append("- **Page:** ").append(pageUrl).append("\n\n");
        md.append("## Abstract\n\n");
        md.append(
                        p.abstractText().isBlank()
                                ? "(no abstract known)"
                                : block(p.abstractText().strip()))
                .append('\n');
        artifacts(md, p, LinkKind.GITHUB, "Code");
        artifacts(md, p, LinkKind.HF_MODEL, "Models");
        artifacts(md, p, LinkKind.HF_DATASET, "Datasets");
        artifacts(md, p, LinkKind.HF_SPACE, "Spaces");
        artifacts(md, p, LinkKind.PROJECT_PAGE, "Project page");
        if (extras.hub() != null) {
            linked(md, "Models citing this paper", "", extras.hub().models());
            linked(md, "Datasets citing this paper", "datasets/", extras.hub().datasets());
            linked(md, "Spaces citing this paper", "spaces/", extras.hub().spaces());
        }
        return md.toString();
    }

    // The Hub's counts and most liked repositories, linked to their pages on the Hub.
    private static void linked(StringBuilder md, String heading, String prefix, PaperExtras.Linked linked) {
        if (linked.total() == 0) {
            return;
        }
        md.append("\n## ").append(heading).append(" (").append(linked.total()).append(")\n\n");
        for (PaperExtras.Item item : linked.top()) {
            md.append("- [")
                    .append(inline(item.id()))
                    .append("](")
                    .append(HubUrls.page(prefix, item.id()))
                    .append(") · ")
                    .append(item.likes())
                    .append(item.likes() == 1 ? " like" : " likes");
            if (item.downloads() != null) {
                md.append(" · ").append(item.downloads()).append(" downloads");
            }
            md.append('\n');
        }
    }

    private static void artifacts(StringBuilder md, Paper p, LinkKind kind, String heading) {
        List<String> urls = p.links().stream()
                .filter(l -> l.kind() == kind)
                .map(ArtifactLink::url)
                .toList();
        if (urls.isEmpty()) {
            return;
        }
        md.append("\n## ").append(heading).append("\n\n");
        urls.forEach(url -> md.append("- ").append(url).append('\n'));
    }

    /** Title, names, keywords: plain text, so every Markdown character is taken literally. */
    static String inline(String text) {
        return INLINE_SPECIAL.matcher(text.replaceAll("\\s+", " ").strip()).replaceAll("\\\\$1");
    }

    /** The abstract: math stays readable for TeX-aware readers; only raw HTML and heading starts are defused. */
    static String block(String text) {
        String safe = HTML_START.matcher(text).replaceAll("\\\\<");
        return safe.lines()
                .map(line -> line.stripLeading().startsWith("#") ? "\\" + line.stripLeading() : line)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
