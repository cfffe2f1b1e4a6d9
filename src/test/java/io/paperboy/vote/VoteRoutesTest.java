package io.paperboy.vote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The upvote routes through a real server: the JSON API, the plain form, the htmx partial, and their guards. */
final class VoteRoutesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "/papers/date/2026-06-12";

    private static TestServer server() {
        return SERVER.server();
    }

    @Test
    void apiUpvote_answersTheNewCount_andShowsEverywhere() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("api-ada");
        int imported = upvotes("2606.13594");

        HttpResponse<String> answer = api(ada, "POST", "2606.13594", Map.of("X-CSRF-Token", ada.csrf()));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("upvotes").asInt()).isEqualTo(imported + 1);
        assertThat(body.get("upvoted").asBoolean()).isTrue();
        // Anonymous answers are cached until the store's change number moves; the vote moved it.
        assertThat(Poll.until(Duration.ofSeconds(3), () -> upvotes("2606.13594"), n -> n == imported + 1))
                .isEqualTo(imported + 1);
        assertThat(dailyEntry("2606.13594").at("/paper/upvotes").asInt()).isEqualTo(imported + 1);
        assertThat(server().get("/papers/2606.13594").body())
                .contains("<span class=\"count\">" + (imported + 1) + "</span>");
    }

    @Test
    void upvotingTwice_countsOnce_andDeleteTakesItBack() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("twice-ada");
        int imported = upvotes("2606.13174");

        api(ada, "POST", "2606.13174", Map.of("X-CSRF-Token", ada.csrf()));
        HttpResponse<String> again = api(ada, "POST", "2606.13174", Map.of("X-CSRF-Token", ada.csrf()));
        assertThat(JSON.readTree(again.body()).get("upvotes").asInt()).isEqualTo(imported + 1);

        HttpResponse<String> removed = api(ada, "DELETE", "2606.13174", Map.of("X-CSRF-Token", ada.csrf()));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).get("upvotes").asInt()).isEqualTo(imported);
        assertThat(JSON.readTree(removed.body()).get("upvoted").asBoolean()).isFalse();
    }

    @Test
    void unverifiedMember_is403() throws Exception {
        WebSession fresh = server().browser();
        fresh.signUp("unconfirmed-voter");

        HttpResponse<String> answer = api(fresh, "POST", "2606.10423", Map.of("X-CSRF-Token", fresh.csrf()));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("confirm your email address");
    }

    @Test
    void unverifiedMember_isShownAWayToConfirm_notAVoteFormThatWouldBeRefused() throws Exception {
        WebSession fresh = server().browser();
        fresh.signUp("unconfirmed-looker");

        for (String page : new String[] {"/papers/date/2026-06-12", "/papers/2606.10423"}) {
            String html = fresh.get(page).body();
            assertThat(html)
                    .as(page)
                    .doesNotContain("action=\"/papers/2606.10423/upvote\"")
                    .contains("href=\"/settings\" title=\"Confirm your email address to upvote\"");
        }
    }

    @Test
    void anonymousApiCall_is401() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server().url("/api/papers/2606.10423/upvote")))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("sign in first");
    }

    @Test
    void wrongCsrfToken_is403_andCountsNothing() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("forged-ada");
        int before = upvotes("2606.07867");

        HttpResponse<String> answer = api(ada, "POST", "2606.07867", Map.of("X-CSRF-Token", "not-the-token"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(upvotes("2606.07867")).isEqualTo(before);
    }

    @Test
    void apiToken_votesWithoutACsrfToken() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("token-voter");
        String token = ada.createApiToken("bot");
        int before = upvotes("2606.11409");

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server().url("/api/papers/2606.11409/upvote")))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("upvotes").asInt()).isEqualTo(before + 1);
    }

    @Test
    void unknownPaper_is404() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("lost-ada");

        HttpResponse<String> answer = api(ada, "POST", "2401.99999", Map.of("X-CSRF-Token", ada.csrf()));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("no paper with id 2401.99999");
    }

    @Test
    void plainFormPost_redirectsBack_andTheListingShowsTheMembersUpvote() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("form-ada");
        ada.get(DAY);

        HttpResponse<String> answer = ada.post("/papers/2606.12451/upvote", Map.of("action", "upvote", "back", DAY));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("location")).hasValue(DAY);
        assertThat(card(ada.get(DAY).body(), "2606.12451"))
                .contains("aria-pressed=\"true\"")
                .contains("value=\"remove\"");
        assertThat(card(ada.get(DAY).body(), "2606.12488")).contains("aria-pressed=\"false\"");

        ada.post("/papers/2606.12451/upvote", Map.of("action", "remove", "back", DAY));
        assertThat(card(ada.get(DAY).body(), "2606.12451")).contains("aria-pressed=\"false\"");
    }

    @Test
    void formPost_withAnUnknownAction_is400_sayingWhatIsAccepted() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("action-ada");
        ada.get(DAY);

        HttpResponse<String> answer = ada.post("/papers/2606.12451/upvote", Map.of("action", "downvote"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("action: must be upvote or remove");
    }

    @Test
    void htmxPost_answersOnlyTheButton_inItsNewState() throws Exception {
        WebSession ada = server().browser().signUpConfirmed("htmx-ada");
        ada.get(DAY);
        int before = upvotes("2606.13572");

        HttpResponse<String> answer = ada.postRaw(
                "/papers/2606.13572/upvote",
                Map.of("action", "upvote"),
                Map.of("HX-Request", "true", "X-CSRF-Token", ada.csrf()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body().strip())
                .startsWith("<form class=\"vote\"")
                .doesNotContain("<html")
                .contains("data-hx-delete=\"/papers/2606.13572/upvote\"")
                .contains("aria-pressed=\"true\"")
                .contains("<span class=\"count\">" + (before + 1) + "</span>");
    }

    @Test
    void anonymousPages_showTheCountAndALoginLink_butNoForm() throws Exception {
        String page = server().get(DAY).body();

        assertThat(card(page, "2606.13681"))
                .contains("href=\"/login?next=%2Fpapers%2Fdate%2F2026-06-12\"")
                .doesNotContain("<form");
        // Cached for every anonymous visitor: nothing of one visitor's may be in it.
        assertThat(page).doesNotContain("_csrf").doesNotContain("X-CSRF-Token");
        assertThat(server().get("/papers/2606.13681").body()).contains("href=\"/login?next=%2Fpapers%2F2606.13681\"");
    }

    @Test
    void membersVotes_reorderTheDay() throws Exception {
        // 2606.00467 came with no upvotes and 2606.10896 with 2: three members lift the first above it.
        for (String name : new String[] {"lift-a", "lift-b", "lift-c"}) {
            WebSession member = server().browser().signUpConfirmed(name);
            api(member, "POST", "2606.00467", Map.of("X-CSRF-Token", member.csrf()));
        }

        String page = Poll.until(
                Duration.ofSeconds(3),
                () -> server().get(DAY).body(),
                p -> p.indexOf("/papers/2606.00467\"") < p.indexOf("/papers/2606.10896\""));

        assertThat(page.indexOf("/papers/2606.00467\"")).isLessThan(page.indexOf("/papers/2606.10896\""));
    }

    private static HttpResponse<String> api(
            WebSession session, String method, String paper, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server().url("/api/papers/" + paper + "/upvote")))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return session.send(request);
    }

    private static int upvotes(String paper) throws Exception {
        return JSON.readTree(server().get("/api/papers/" + paper).body())
                .get("upvotes")
                .asInt();
    }

    private static JsonNode dailyEntry(String paper) throws Exception {
        for (JsonNode entry :
                JSON.readTree(server().get("/api/daily_papers?date=2026-06-12").body())) {
            if (entry.at("/paper/id").asText().equals(paper)) {
                return entry;
            }
        }
        throw new AssertionError(paper + " is not listed on 2026-06-12");
    }

    /** The listing card that links to {@code paper}. */
    private static String card(String page, String paper) {
        int link = page.indexOf("class=\"paper-link\" href=\"/papers/" + paper + "\"");
        assertThat(link).as("card of " + paper).isPositive();
        int start = page.lastIndexOf("<article", link);
        return page.substring(start, page.indexOf("</article>", link));
    }
}
