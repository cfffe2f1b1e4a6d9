package io.paperboy.digest;

/**
 * One paper in a digest, as both the HTML and the text part show it.
 *
 * @param authors the first few authors, "et al." after them when there are more
 * @param arxivUrl null for papers not on arXiv; @param codeUrl null when no code is known
 * @param reason why it is in this subscriber's digest ("matches your search …"), or null in the
 *     sections everyone gets
 */
public record DigestItem(
        String paperId,
        String title,
        String authors,
        int votes,
        String snippet,
        String pageUrl,
        String arxivUrl,
        String codeUrl,
        String reason) {}
