package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Poll;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, finding 11: members submitting at once on two nodes of one store all get their papers,
 * the site as a whole asks arXiv at arXiv's pace (not once per pace per node), and the submit page
 * says how long the line is meanwhile.
 */
final class SubmitPaceTest {
    private static final Duration PACE = Duration.ofMillis(600);

    @TempDir
    Path dir;

    @Test
    void sixMembersSubmittingAtOnceOnTwoNodes_areAllFeatured_atOneArxivLookupPerPaceForTheWholeSite() throws Exception {
        try (TestServer one = new TestServer(
                        Files.createDirectories(dir.resolve("1")),
                        TestStore.POSTGRESQL,
                        site -> site.arxivApi(site.arxivApi().withDelay(PACE)));
                TestServer other = one.anotherNode(Files.createDirectories(dir.resolve("2")));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<String> papers = new ArrayList<>();
            for (String id : one.arxiv().recordedIds()) { // papers the store does not have yet
                if (papers.size() < 6 && one.browser().get("/papers/" + id).statusCode() == 404) {
                    papers.add(id);
                }
            }
            assertThat(papers).hasSize(6);
            List<WebSession> members = new ArrayList<>();
            for (int i = 0; i < papers.size(); i++) {
                WebSession member = (i % 2 == 0 ? one : other).browser().signUpConfirmed("pacer" + i);
                member.get("/submit");
                members.add(member);
            }
            WebSession onlooker = one.browser().signUpConfirmed("onlooker");

            long started = System.nanoTime();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < papers.size(); i++) {
                WebSession member = members.get(i);
                String paper = papers.get(i);
                answers.add(pool.submit(() -> member.post("/submit", Map.of("arxiv", paper))));
            }
            String line = Poll.until(
                    Duration.ofSeconds(10),
                    () -> onlooker.get("/submit").body(),
                    b -> b.contains("lookups are in line now: yours would start in about"));
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(303);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // Six lookups, the first at once: five paces at least, whichever node each came to.
            // Each node alone keeps the pace too, so without the shared turn the two would take about half.
            assertThat(took).isGreaterThanOrEqualTo(PACE.multipliedBy(5).minusMillis(50));
            assertThat(line).contains("one every 1 second for the whole site");
            List<String> asked = new ArrayList<>(one.arxiv().asked());
            asked.addAll(other.arxiv().asked());
            assertThat(asked).containsExactlyInAnyOrderElementsOf(papers);
        }
    }
}
