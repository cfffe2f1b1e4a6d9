package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight members submitting the same paper at once (issue 14, "Races"): one submission wins, and
 * each of the seven others is told the paper is featured already and who submitted it, on the
 * page and in the API alike; the store keeps the winner's entry.
 */
final class SubmissionRaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEMBERS = 8;

    @TempDir
    Path dir;

    /** What one member was told: who the site says submitted the paper ("you" when it was this member). */
    private record Told(String member, int status, String submittedBy) {}

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void eightMembersSubmittingAKnownPaperAtOnce_oneWins_sevenAreToldWhoDid(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store)) {
            List<Told> told = race(server, "0704.0006", "known");

            assertOneWinner(server, told, "0704.0006");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void eightMembersSubmittingAPaperArxivHasAtOnce_oneWins_andArxivIsAskedOnce(TestStore store) throws Exception {
        try (TestServer server = new TestServer(dir, store)) {
            List<Told> told = race(server, "1601.00001", "fetched");

            assertOneWinner(server, told, "1601.00001");
            // The seven others waited for the first lookup instead of asking arXiv again.
            assertThat(server.arxiv().asked()).containsExactly("1601.00001");
        }
    }

    // Half the members submit through the page, half through the API, all released at the same moment.
    private static List<Told> race(TestServer server, String arxivId, String prefix) throws Exception {
        List<Callable<Told>> submitters = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(MEMBERS);
        CountDownLatch go = new CountDownLatch(1);
        List<WebSession> sessions = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            WebSession session = server.browser().signUpConfirmed(prefix + i);
            sessions.add(session);
            tokens.add(i % 2 == 1 ? session.createApiToken("race") : null);
        }
        for (int i = 0; i < MEMBERS; i++) {
            String name = prefix + i;
            WebSession session = sessions.get(i);
            String token = tokens.get(i);
            boolean byApi = token != null;
            // Each opens the form just before the race, as a person does, not while the others sign up.
            session.get("/submit");
            submitters.add(() -> {
                ready.countDown();
                go.await();
                return byApi ? byApi(server, name, token, arxivId) : byPage(session, name, arxivId);
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(MEMBERS)) {
            List<Future<Told>> answers = submitters.stream().map(pool::submit).toList();
            ready.await();
            go.countDown();
            List<Told> told = new ArrayList<>();
            for (Future<Told> answer : answers) {
                told.add(answer.get());
            }
            return told;
        }
    }

    private static Told byPage(WebSession session, String name, String arxivId) throws Exception {
        HttpResponse<String> answer = session.post("/submit", Map.of("arxiv", arxivId));
        if (answer.statusCode() == 303) {
            // The winner's listing thanks them as the one who submitted it.
            String listing = session.get(WebSession.path(
                            "http://x" + answer.headers().firstValue("Location").orElseThrow()))
                    .body();
            return new Told(name, 303, listing.contains("submitted by you.") ? "you" : "someone else");
        }
        java.util.regex.Matcher by = java.util.regex.Pattern.compile(
                        "already featured: on [0-9-]+, submitted by ([a-z0-9]+)")
                .matcher(answer.body());
        return new Told(name, answer.statusCode(), by.find() ? by.group(1) : answer.body());
    }

    private static Told byApi(TestServer server, String name, String token, String arxivId) throws Exception {
        HttpResponse<String> answer = SubmitPagesTest.api(server, token, "{\"arxiv\": \"" + arxivId + "\"}");
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() == 201) {
            return new Told(name, 201, body.path("submittedBy").asText().equals(name) ? "you" : "someone else");
        }
        return new Told(
                name, answer.statusCode(), body.at("/featured/submittedBy").asText(answer.body()));
    }

    private static void assertOneWinner(TestServer server, List<Told> told, String arxivId) {
        List<Told> won =
                told.stream().filter(t -> t.submittedBy().equals("you")).toList();
        assertThat(won).as("members told they submitted it: %s", told).hasSize(1);
        String winner = won.getFirst().member();
        assertThat(told)
                .filteredOn(t -> t != won.getFirst())
                .as("the seven others: %s", told)
                .hasSize(MEMBERS - 1)
                .allSatisfy(t -> {
                    assertThat(t.status()).isEqualTo(409);
                    assertThat(t.submittedBy()).isEqualTo(winner);
                });
        assertThat(new ListingService(server.db()).forPaper(arxivId))
                .singleElement()
                .satisfies(e -> assertThat(e.submittedBy()).isEqualTo(winner));
    }
}
