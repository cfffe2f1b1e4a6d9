package io.paperboy.listing;

import io.paperboy.paper.ArxivId;
import io.paperboy.web.InvalidForm;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a member may type to submit a paper: an arXiv id in any common form, or a link to its
 * abs or pdf page. Anything else is refused naming what was wrong and what is accepted.
 */
public final class SubmissionInput {
    /** The form field (and JSON property) that carries the id. */
    public static final String FIELD = "arxiv";

    public static final String ACCEPTED = "accepted forms: 2401.12345, 2401.12345v2, arXiv:2401.12345, "
            + "hep-th/9901001, math.GT/0309136v1, https://arxiv.org/abs/2401.12345, https://arxiv.org/pdf/2401.12345v2";
    static final int MAX_LENGTH = 300;
    private static final Set<String> HOSTS =
            Set.of("arxiv.org", "www.arxiv.org", "export.arxiv.org", "huggingface.co", "www.huggingface.co");

    private SubmissionInput() {}

    /** The id {@code raw} names, or an {@link InvalidForm} for {@link #FIELD} saying why not. */
    public static ArxivId parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw refused("enter an arXiv id or a link to a paper on arxiv.org");
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw refused("that is " + text.length() + " characters; an arXiv id or link has at most " + MAX_LENGTH);
        }
        if (looksLikeLink(text)) {
            checkLink(text);
        }
        try {
            return ArxivId.parse(text);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
    }

    private static boolean looksLikeLink(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("://")
                || lower.startsWith("www.")
                || lower.startsWith("arxiv.org/")
                || lower.startsWith("export.arxiv.org/");
    }

    private static void checkLink(String text) {
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "https://" + text);
        } catch (IllegalArgumentException e) {
            throw refused("\"" + text + "\" is not a well-formed link");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("links must start with http:// or https://, not " + scheme + "://");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!HOSTS.contains(host)) {
            throw refused("links must point to arxiv.org, not " + (host.isEmpty() ? "\"" + text + "\"" : host));
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host.endsWith("arxiv.org") && !path.startsWith("/abs/") && !path.startsWith("/pdf/")) {
            throw refused("arXiv links must be to a paper's abs or pdf page (/abs/… or /pdf/…), not "
                    + (path.isEmpty() ? "/" : path));
        }
    }

    private static InvalidForm refused(String why) {
        return InvalidForm.of(FIELD, why + "; " + ACCEPTED);
    }
}
