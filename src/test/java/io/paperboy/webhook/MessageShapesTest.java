package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.digest.Interests;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of destination gets the day's top papers in its service's own format, as its receiver checks it. */
final class MessageShapesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"slack", "discord", "mattermost", "matrix", "generic"})
    void dailyTopPapers_reachEachReceiver_inTheShapeItsServiceDocuments(String kind) throws Exception {
        try (WebhookFixture f = new WebhookFixture(TestStore.SQLITE.newDatabaseUrl(dir), dir.resolve("mail"));
                ChatReceiver receiver = new ChatReceiver()) {
            WebhookService.Created created = f.add(null, kind, receiver.url(kind), "10", Interests.NONE, false);
            if (created.secret() != null) {
                receiver.secret(created.secret());
            }

            // Tomorrow: the first daily period that began after the destination was added.
            WebhookService.Round round = f.webhooks.run(Instant.now().plus(java.time.Duration.ofDays(1)));

            assertThat(receiver.refused).isEmpty();
            assertThat(round.sent()).isEqualTo(1);
            assertThat(receiver.of(kind)).hasSize(1);
            String text = receiver.of(kind).getFirst().body().toString();
            // The top paper is there, with why: its rank among the trending papers.
            assertThat(text).contains("Paper number 1 ").contains("#1 trending, 100 upvotes");
            assertThat(f.webhooks.log(created.destination().id()))
                    .singleElement()
                    .satisfies(a -> assertThat(a.outcome()).isEqualTo("delivered"));
        }
    }

    @Test
    void slackText_escapesTheCharactersMrkdwnControls() {
        WebhookEvent event = new WebhookEvent(
                WebhookEvent.TEST,
                "A & B",
                List.of(new WebhookEvent.Item(
                        "1", "x < y > z | w", "A & B", "s", "https://p.example/1", null, null, 1, "why <not>")));

        JsonNode section = Messages.slack(event).get("blocks").get(1);

        assertThat(section.path("text").path("text").asText())
                .isEqualTo("*<https://p.example/1|x &lt; y &gt; z ¦ w>*\nA &amp; B\ns\n_why &lt;not&gt;_");
    }

    @Test
    void discordEmbeds_stayWithinTheirCharacterBudget_evenForLongTitles() {
        String longText = "word ".repeat(2000);
        List<WebhookEvent.Item> items = java.util.stream.IntStream.range(0, 25)
                .mapToObj(i -> new WebhookEvent.Item(
                        "id" + i, longText, longText, longText, "https://p.example/" + i, null, null, i, longText))
                .toList();

        JsonNode body = Messages.discord(new WebhookEvent(WebhookEvent.DAILY, longText, items));

        assertThat(body.get("embeds")).hasSize(Messages.MAX_ITEMS);
        int total = 0;
        for (JsonNode e : body.get("embeds")) {
            total += e.get("title").asText().length()
                    + e.get("description").asText().length()
                    + e.get("fields").get(0).get("name").asText().length()
                    + e.get("fields").get(0).get("value").asText().length();
        }
        assertThat(total).isLessThanOrEqualTo(6000);
        assertThat(body.get("content").asText()).hasSizeLessThanOrEqualTo(2000).endsWith("… and 15 more on the site.");
    }

    @Test
    void matrixMessage_isPutUnderTheDeliveryIdAsTransaction_withEscapedHtml() throws Exception {
        Destination d = new Destination(
                1,
                null,
                Kind.MATRIX,
                "m",
                "https://m.example/_matrix/client/v3/rooms/%21r%3Am/send/" + "m.room.message",
                "tok",
                1,
                0,
                java.time.ZoneOffset.UTC,
                Interests.NONE,
                false,
                false,
                null,
                0,
                Instant.EPOCH);
        WebhookEvent event = new WebhookEvent(
                WebhookEvent.TEST,
                "T",
                List.of(new WebhookEvent.Item(
                        "1", "<script>x</script>", "A", "s", "https://p.example/1", null, null, 1, "why")));

        Message m = Messages.build(d, "msg_pb7", event, Instant.EPOCH);

        assertThat(m.method()).isEqualTo("PUT");
        assertThat(m.url()).endsWith("/send/m.room.message/msg_pb7");
        assertThat(m.headers()).containsEntry("Authorization", "Bearer tok");
        // The plain body is text (shown as is); the HTML one is escaped.
        String html = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(m.body())
                .get("formatted_body")
                .asText();
        assertThat(html).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>");
    }
}
