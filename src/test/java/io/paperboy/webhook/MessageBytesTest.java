package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.digest.Interests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every destination kind's request, byte for byte, as it was written before the JSON went through one
 * mapper and records (issue 16): receivers verify signatures over these bytes, and chat services read
 * these exact fields. The expected text is messages.golden beside this class, captured from the hand-built trees.
 */
final class MessageBytesTest {
    @Test
    void eachKindsRequest_isByteForByteTheOneCapturedBeforeTheRecords() throws Exception {
        WebhookEvent event = new WebhookEvent(
                WebhookEvent.DAILY,
                "Top papers — 6 Dec \"2026\" <b>",
                List.of(
                        new WebhookEvent.Item(
                                "2401.00001",
                                "Attention & <you>",
                                "Ada Lovelace, Émile Borel",
                                "A summary\nwith lines ✓",
                                "https://site.example/papers/2401.00001",
                                "https://arxiv.org/abs/2401.00001",
                                "https://github.com/a/b",
                                42,
                                "#1 trending, 42 upvotes"),
                        new WebhookEvent.Item(
                                "x1", "No links", "", "", "https://site.example/papers/x1", null, null, 0, null)));
        StringBuilder out = new StringBuilder();
        for (Kind k : Kind.values()) {
            Destination d = new Destination(
                    7,
                    null,
                    k,
                    "n",
                    "https://r.example/hook",
                    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                    10,
                    8,
                    ZoneOffset.UTC,
                    Interests.NONE,
                    false,
                    false,
                    null,
                    0,
                    Instant.EPOCH);

            Message m = Messages.build(d, "msg_1", event, Instant.parse("2026-12-06T05:30:00.123456Z"));

            out.append(k)
                    .append(' ')
                    .append(m.method())
                    .append(' ')
                    .append(m.url())
                    .append(' ')
                    .append(new TreeMap<>(m.headers()))
                    .append('\n')
                    .append(new String(m.body(), StandardCharsets.UTF_8))
                    .append('\n');
        }

        try (var golden = MessageBytesTest.class.getResourceAsStream("messages.golden")) {
            assertThat(out.toString()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
