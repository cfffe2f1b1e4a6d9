package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.ArxivApiReplay.Trouble;
import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /submit and POST /api/papers/submit through a real server, asking a local arXiv API that replays recorded answers. */
final class SubmitPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Featured on 2026-06-12 by the Hugging Face sample. */
    private static final String HF_FEATURED = "2606.00467";

    private static TestServer server() {
        return SERVER.server();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @AfterEach
    void arxivBehavesAgain() {
        server().arxiv().trouble(Trouble.NONE);
    }

    private static WebSession member(String name) throws Exception {
        WebSession session = server().browser().signUpConfirmed(name);
        session.get("/submit");
        return session;
    }

    private static HttpResponse<String> submit(WebSession session, String typed) throws Exception {
        return session.post("/submit", Map.of("arxiv", typed));
    }

    @Test
    void unknownPaper_oldAtomGeneration_isFetchedAndFeaturedTodayWithItsSubmitter() throws Exception {
        WebSession ada = member("ada");

        HttpResponse<String> answer = submit(ada, "https://arxiv.org/abs/1601.00001v1");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue("/papers/date/" + today() + "?submitted=1601.00001");
        assertThat(server().arxiv().asked()).contains("1601.00001");
        String listing =
                ada.get("/papers/date/" + today() + "?submitted=1601.00001").body();
        assertThat(listing)
                .contains("Inelastic effects in molecular transport junctions")
                .contains(
                        "Submitted by <img class=\"avatar\" src=\"/avatars/ada.svg\" alt=\"\" width=\"18\" height=\"18\"> <a href=\"/u/ada\">Member ada</a>")
                .contains(
                        "<p class=\"notice\" role=\"status\" id=\"listing-notice\">Thank you: “Inelastic effects in "
                                + "molecular transport junctions: The probe technique at high bias” is featured on this day, submitted by you.</p>");
        // The thanks are the member's: an anonymous visitor following the same link sees the plain day.
        assertThat(server().get("/papers/date/" + today() + "?submitted=1601.00001")
                        .body())
                .doesNotContain("listing-notice");
        // Anonymous answers are cached until the store's change number moves, which the page cache sees within 250 ms.
        JsonNode daily = JSON.readTree(Poll.until(
                Duration.ofSeconds(2),
                () -> server().get("/api/daily_papers?date=" + today()).body(),
                body -> body.contains("1601.00001")));
        assertThat(daily.findValues("submittedBy"))
                .anySatisfy(by -> assertThat(by.path("name").asText()).isEqualTo("ada"));
    }

    @Test
    void unknownPaper_newAtomGeneration_isFetchedFromASearchFeedByItsId() throws Exception {
        WebSession bo = member("bo");

        assertThat(submit(bo, "arXiv:2606.13591").statusCode()).isEqualTo(303);

        String page = bo.get("/papers/2606.13591").body();
        assertThat(page)
                .contains("Multiagent Protocols with Aggregated Confidence Signals")
                .contains("featured " + today()
                        + " by <img class=\"avatar\" src=\"/avatars/bo.svg\" alt=\"\" width=\"18\" height=\"18\"> bo");
        // The recorded search feed holds four other papers; only the one asked for is stored.
        assertThat(server().get("/papers/2606.13677").statusCode()).isEqualTo(404);
    }

    @Test
    void knownPaper_isFeaturedWithoutAskingArxiv() throws Exception {
        WebSession cy = member("cy");

        assertThat(submit(cy, "  0704.0002v1 ").statusCode()).isEqualTo(303);

        assertThat(server().arxiv().asked()).doesNotContain("0704.0002");
        assertThat(cy.get("/papers/date/" + today()).body())
                .contains(
                        "Submitted by <img class=\"avatar\" src=\"/avatars/cy.svg\" alt=\"\" width=\"18\" height=\"18\"> <a href=\"/u/cy\">Member cy</a>");
    }

    @Test
    void alreadyFeatured_saysWhereAndLinksTheDayAndThePaper() throws Exception {
        WebSession di = member("di");

        HttpResponse<String> answer = submit(di, "https://arxiv.org/pdf/" + HF_FEATURED + "v1");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body())
                .contains(HF_FEATURED + " is already featured: on 2026-06-12")
                .contains("href=\"/papers/date/2026-06-12\"")
                .contains("href=\"/papers/" + HF_FEATURED + "\"")
                // Feature-again is for curators only.
                .doesNotContain("action=\"/submit/again\"");
    }

    @Test
    void submittingTheSamePaperTwice_theSecondIsAlreadyFeaturedToday() throws Exception {
        WebSession ed = member("ed");
        assertThat(submit(ed, "0704.0003").statusCode()).isEqualTo(303);

        HttpResponse<String> again = submit(member("flo"), "arXiv:0704.0003");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("0704.0003 is already featured: on " + today() + ", submitted by ed");
    }

    @Test
    void invalidInput_showsTheFormAgainWithWhatWasWrongAndTheAcceptedForms() throws Exception {
        WebSession gus = member("gus");

        HttpResponse<String> answer = submit(gus, "https://example.com/abs/2401.12345");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("links must point to arxiv.org, not example.com")
                .contains("accepted forms: 2401.12345, 2401.12345v2")
                .contains("value=\"https://example.com/abs/2401.12345\"");
    }

    @Test
    void arxivAnswering500_isAClearMessageAndNothingIsStored() throws Exception {
        server().arxiv().trouble(Trouble.SERVER_ERROR);

        HttpResponse<String> answer = submit(member("hal"), "2510.14968");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body())
                .contains("arXiv could not be asked about 2510.14968")
                .contains("HTTP 500")
                .contains("nothing was stored");
        assertNothingStored("2510.14968");
    }

    @Test
    void aMembersThirdPaperAtOnce_whileArxivIsSlow_isRefusedAtOnce_andThePageSaysHowLongTheLineIs() throws Exception {
        WebSession onlooker = member("onlooker");
        assertThat(onlooker.get("/submit").body()).contains("No lookup is waiting now: yours would start at once.");
        server().arxiv().trouble(Trouble.SLOW);
        WebSession zed = member("zed");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HttpResponse<String>> first = pool.submit(() -> submit(zed, "2510.14968"));
            Poll.until(
                    Duration.ofSeconds(5),
                    () -> onlooker.get("/submit").body(),
                    b -> b.contains("1 lookup is in line now"));
            Future<HttpResponse<String>> second = pool.submit(() -> submit(zed, "2510.14969"));
            Poll.until(
                    Duration.ofSeconds(5),
                    () -> onlooker.get("/submit").body(),
                    b -> b.contains("2 lookups are in line now"));

            long started = System.nanoTime();
            HttpResponse<String> third = submit(zed, "2510.14970");

            // Refused without waiting for the slow arXiv, and not counted as one of the day's submissions.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).contains("you have 2 papers waiting for arXiv already");
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(first.get().statusCode()).isEqualTo(502);
            assertThat(second.get().statusCode()).isEqualTo(502);
        }
        assertThat(server().arxiv().asked()).doesNotContain("2510.14970");
    }

    @Test
    void arxivTimingOut_isAClearMessageAndNothingIsStored() throws Exception {
        server().arxiv().trouble(Trouble.SLOW);

        HttpResponse<String> answer = submit(member("ivy"), "2510.14968");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body())
                .contains("arXiv could not be asked about 2510.14968")
                .contains("no answer within 1 s");
        assertNothingStored("2510.14968");
    }

    @Test
    void arxivHangingUp_isSaidInWords_neverWithAJavaExceptionName() throws Exception {
        server().arxiv().trouble(Trouble.HANG_UP);

        HttpResponse<String> answer = submit(member("ken"), "2510.14968");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body())
                .contains("arXiv could not be asked about 2510.14968")
                .contains("connection failed: ")
                .doesNotContainPattern("java\\.[a-z]+\\.|[A-Z]\\w*Exception");
        assertNothingStored("2510.14968");
    }

    @Test
    void arxivNotKnowingTheId_emptyFeedOrErrorEntry_isAClearMessageAndNothingIsStored() throws Exception {
        WebSession jo = member("jo");
        server().arxiv().trouble(Trouble.EMPTY_FEED);
        HttpResponse<String> empty = submit(jo, "2510.14968");
        server().arxiv().trouble(Trouble.ERROR_ENTRY);
        HttpResponse<String> error = submit(jo, "2510.14968");

        for (HttpResponse<String> answer : java.util.List.of(empty, error)) {
            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body()).contains("arXiv has no paper 2510.14968: check the id (nothing was stored)");
        }
        assertNothingStored("2510.14968");
    }

    private static void assertNothingStored(String id) throws Exception {
        assertThat(new PaperService(server().db()).find(id)).isEmpty();
        assertThat(new ListingService(server().db()).forPaper(id)).isEmpty();
    }

    @Test
    void eleventhSubmissionOfTheDay_is429WithWhenToTryAgain() throws Exception {
        WebSession kim = member("kim");
        for (int i = 0; i < SubmitPages.SUBMISSIONS_PER_DAY; i++) {
            assertThat(submit(kim, HF_FEATURED).statusCode()).isEqualTo(409);
        }

        HttpResponse<String> refused = submit(kim, HF_FEATURED);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("too many submissions for this account: try again in");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void unconfirmedMember_seesNoForm_andAPostIs403() throws Exception {
        WebSession lu = server().browser();
        lu.signUp("lu");
        // The page says what to do instead of offering a form that would be refused.
        assertThat(lu.get("/submit").body())
                .contains("Confirm your email address first")
                .doesNotContain("action=\"/submit\"");

        HttpResponse<String> answer = submit(lu, "0704.0004");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("confirm your email address first");
        assertThat(new ListingService(server().db()).forPaper("0704.0004")).isEmpty();
    }

    @Test
    void postWithoutOrWithAWrongCsrfToken_is403AndFeaturesNothing() throws Exception {
        WebSession mo = member("mo");

        HttpResponse<String> none = mo.postRaw("/submit", Map.of("arxiv", "0704.0005"), Map.of());
        HttpResponse<String> wrong = mo.postRaw("/submit", Map.of("arxiv", "0704.0005", "_csrf", "forged"), Map.of());

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(new ListingService(server().db()).forPaper("0704.0005")).isEmpty();
    }

    @Test
    void anonymousVisitor_isSentToLogInAndBack() throws Exception {
        HttpResponse<String> answer = server().browser().get("/submit");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/login?next=%2Fsubmit");
    }

    @Test
    void submitForm_saysItIsAskingArxivWhileItWaits() throws Exception {
        String page = member("lou").get("/submit").body();

        // app.js reads data-busy: the button is disabled and says this, and the status line repeats it.
        assertThat(page)
                .contains("<form method=\"post\" action=\"/submit\" novalidate data-busy=\"Asking arXiv…\">")
                .contains("<p class=\"busy\" role=\"status\" aria-live=\"polite\"></p>");
    }

    @Test
    void submitPage_isOneInputNamedArxivAndOneButton() throws Exception {
        String page = member("ned").get("/submit?arxiv=2401.12345").body();

        assertThat(page)
                .contains("<input id=\"f-arxiv\" name=\"arxiv\" type=\"text\"")
                .contains("value=\"2401.12345\"")
                .contains("<button type=\"submit\">Submit</button>");
    }

    @Test
    void api_withAToken_featuresAndAnswers201_thenTheDuplicateIs409WithTheEntry() throws Exception {
        String token = member("otto").createApiToken("script");

        HttpResponse<String> created = api(server(), token, "{\"arxiv\": \"https://arxiv.org/abs/2510.14827v1\"}");
        HttpResponse<String> duplicate = api(server(), token, "{\"arxiv\": \"2510.14827\"}");
        HttpResponse<String> invalid = api(server(), token, "{\"arxiv\": \"2510.148\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = JSON.readTree(created.body());
        assertThat(entry.get("id").asText()).isEqualTo("2510.14827");
        assertThat(entry.get("date").asText()).isEqualTo(today());
        assertThat(entry.get("submittedBy").asText()).isEqualTo("otto");
        assertThat(entry.get("title").asText())
                .isEqualTo("Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        JsonNode refusal = JSON.readTree(duplicate.body());
        assertThat(refusal.get("reason").asText()).isEqualTo("ALREADY_FEATURED");
        assertThat(refusal.at("/featured/listingUrl").asText()).isEqualTo("/papers/date/" + today());
        assertThat(refusal.at("/featured/url").asText()).isEqualTo("/papers/2510.14827");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).get("error").asText())
                .startsWith("arxiv: \"2510.148\": not an arXiv id");
    }

    @Test
    void api_withAnUnknownToken_orWithoutAny_is401() throws Exception {
        HttpResponse<String> unknown = api(server(), "pb_nonsense", "{\"arxiv\": \"0704.0006\"}");
        HttpResponse<String> none = api(server(), null, "{\"arxiv\": \"0704.0006\"}");

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(new ListingService(server().db()).forPaper("0704.0006")).isEmpty();
    }

    static HttpResponse<String> api(TestServer server, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/papers/submit")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
