package io.paperboy.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The generic destinations' payload, in the Standard Webhooks shape {@code {type, timestamp, data}}; receivers
 * verify its signature over these exact bytes. Nulls are written ({@code "code_url": null}).
 *
 * @param timestamp the attempt's time, ISO-8601
 */
record StandardPayload(String type, String timestamp, Data data) {

    /** The event's heading and its papers. */
    record Data(String title, List<Item> items) {}

    /** One paper and why it is there; {@code arxiv_url} and {@code code_url} null when unknown. */
    record Item(
            String id,
            String title,
            String authors,
            String summary,
            String url,
            @JsonProperty("arxiv_url") String arxivUrl,
            @JsonProperty("code_url") String codeUrl,
            int upvotes,
            String reason) {}
}
