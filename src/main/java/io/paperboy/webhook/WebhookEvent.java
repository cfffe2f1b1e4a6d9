package io.paperboy.webhook;

import java.util.List;

/**
 * What one outbox row delivers, fixed when it is queued (a retry sends the same papers): a daily
 * top list, a newly featured paper, or a test.
 *
 * @param type {@code papers.daily}, {@code paper.featured} or {@code test}
 * @param title the message's heading
 */
public record WebhookEvent(String type, String title, List<Item> items) {
    public static final String DAILY = "papers.daily";
    public static final String FEATURED = "paper.featured";
    public static final String TEST = "test";

    public WebhookEvent {
        items = List.copyOf(items);
    }

    /**
     * One paper and why it is there.
     *
     * @param arxivUrl null when not on arXiv; @param codeUrl null when no code is known
     */
    public record Item(
            String id,
            String title,
            String authors,
            String summary,
            String url,
            String arxivUrl,
            String codeUrl,
            int votes,
            String reason) {}
}
