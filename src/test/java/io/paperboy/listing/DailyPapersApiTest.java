package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/daily_papers} in Hugging Face's shape, through a real server. */
final class DailyPapersApiTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void day_answersEntriesInHuggingFaceShape_mostUpvotedFirst() throws Exception {
        JsonNode entries = JSON.readTree(
                SERVER.server().get("/api/daily_papers?date=2026-06-12").body());

        assertThat(entries).hasSize(30);
        JsonNode first = entries.get(0);
        assertThat(first.at("/paper/id").asText()).isEqualTo("2606.13681");
        assertThat(first.at("/paper/upvotes").asInt()).isEqualTo(118);
        assertThat(first.at("/paper/submittedOnDailyAt").asText()).isEqualTo("2026-06-12T00:00:00.000Z");
        assertThat(first.at("/paper/submittedOnDailyBy/name").asText()).isEqualTo("zhiyuanhucs");
        assertThat(first.at("/paper/authors/0/name").isTextual()).isTrue();
        assertThat(first.get("title").asText())
                .isEqualTo(first.at("/paper/title").asText());
        assertThat(first.has("numComments")).isTrue();
    }

    @Test
    void limitAndPage_sliceTheList() throws Exception {
        JsonNode all = JSON.readTree(
                SERVER.server().get("/api/daily_papers?date=2026-06-12").body());
        JsonNode second = JSON.readTree(SERVER.server()
                .get("/api/daily_papers?date=2026-06-12&limit=10&p=1")
                .body());

        assertThat(second).hasSize(10);
        assertThat(second.get(0).at("/paper/id")).isEqualTo(all.get(10).at("/paper/id"));
    }

    @Test
    void weekAndMonth_areAccepted() throws Exception {
        assertThat(JSON.readTree(
                        SERVER.server().get("/api/daily_papers?week=2026-W24").body()))
                .hasSize(30);
        assertThat(JSON.readTree(SERVER.server()
                                .get("/api/daily_papers?month=2026-06&limit=100")
                                .body())
                        .size())
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void badParameters_are400WithAJsonReason() throws Exception {
        HttpResponse<String> twoPeriods = SERVER.server().get("/api/daily_papers?date=2026-06-12&month=2026-06");
        HttpResponse<String> badLimit = SERVER.server().get("/api/daily_papers?limit=500");

        assertThat(twoPeriods.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twoPeriods.body()).get("error").asText())
                .isEqualTo("give at most one of date, week and month");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badLimit.body()).get("error").asText())
                .isEqualTo("limit must be between 1 and 100, not 500");
    }
}
