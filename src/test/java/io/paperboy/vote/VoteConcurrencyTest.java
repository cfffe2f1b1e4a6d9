package io.paperboy.vote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bar: 50 members upvoting the same paper at once over loopback end with the exact
 * count and no error, on SQLite and on PostgreSQL; members toggling at once end consistent; and
 * votes racing imports of the same paper end with the exact stored total.
 */
final class VoteConcurrencyTest {
    private static final int MEMBERS = 50;
    private static final int IMPORTS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /** One server and 50 members per store, shared by the tests (signing up 50 members takes a while). */
    private record Site(TestServer server, List<WebSession> members) {}

    private static final Map<TestStore, Site> SITES = new EnumMap<>(TestStore.class);

    private static synchronized Site site(TestStore store) throws Exception {
        Site site = SITES.get(store);
        if (site == null) {
            TestServer server = new TestServer(Files.createDirectories(dir.resolve(store.name())), store);
            site = new Site(server, signUp(server, "m"));
            SITES.put(store, site);
        }
        return site;
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(site -> site.server().close());
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void fiftyMembersUpvotingAtOnce_endWithTheExactCount(TestStore store) throws Exception {
        TestServer server = site(store).server();
        List<WebSession> members = site(store).members();
        String paper = "2606.13681";
        int imported = upvotes(server, paper);

        List<HttpResponse<String>> answers = atOnce(members, (i, member) -> List.of(vote(server, member, paper, true)));

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        assertThat(upvotes(server, paper)).isEqualTo(imported + MEMBERS);
        // The votes ran one after another, so each answer saw a different count: every one from +1 to +50.
        assertThat(answers.stream().map(a -> count(a.body())).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(imported + 1, imported + MEMBERS)
                        .boxed()
                        .toList());
        assertThat(storedCounts(server, paper)).containsExactly(MEMBERS, MEMBERS);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void fiftyMembersTogglingAtOnce_endConsistent(TestStore store) throws Exception {
        TestServer server = site(store).server();
        List<WebSession> members = site(store).members();
        String paper = "2606.12730";
        int imported = upvotes(server, paper);
        // Each member sends a random run of upvotes and removals, one after another; members race each other.
        List<List<Boolean>> plans = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < MEMBERS; i++) {
            plans.add(random.ints(6, 0, 2).mapToObj(b -> b == 1).toList());
        }

        List<HttpResponse<String>> answers = atOnce(members, (i, member) -> {
            List<HttpResponse<String>> mine = new ArrayList<>();
            for (boolean up : plans.get(i)) {
                mine.add(vote(server, member, paper, up));
            }
            return mine;
        });

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        long upvotedAtTheEnd =
                plans.stream().filter(plan -> plan.get(plan.size() - 1)).count();
        assertThat(upvotes(server, paper)).isEqualTo(imported + (int) upvotedAtTheEnd);
        assertThat(storedCounts(server, paper)).containsExactly((int) upvotedAtTheEnd, (int) upvotedAtTheEnd);
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void fiftyMembersUpvotingWhileImportsFeatureThePaper_endWithTheExactTotal(TestStore store) throws Exception {
        TestServer server = site(store).server();
        List<WebSession> members = site(store).members();
        String paper = "2606.13594";
        int before = upvotes(server, paper);
        ListingService listings = new ListingService(server.db());
        CountDownLatch votingStarted = new CountDownLatch(1);
        try (ExecutorService importer = Executors.newSingleThreadExecutor()) {
            // Ten imports, each featuring the paper on another day with 7 upvotes from its source,
            // racing the votes: each recounts the total in its own transaction.
            Future<?> imports = importer.submit(() -> {
                votingStarted.await();
                for (int day = 1; day <= IMPORTS; day++) {
                    ListingEntry entry = new ListingEntry(paper, LocalDate.of(2026, 7, day), null, 7, "hf");
                    server.db().inTransaction(h -> listings.store(h, List.of(entry)));
                }
                return null;
            });

            List<HttpResponse<String>> answers = atOnce(members, (i, member) -> {
                votingStarted.countDown();
                return List.of(vote(server, member, paper, true));
            });
            imports.get();

            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        }
        assertThat(upvotes(server, paper)).isEqualTo(before + MEMBERS + 7 * IMPORTS);
        // The stored total agrees with a fresh count from the votes and listings rows.
        assertThat(storedTotal(server, paper))
                .containsExactly(before + MEMBERS + 7 * IMPORTS, before + MEMBERS + 7 * IMPORTS);
    }

    private interface Work {
        List<HttpResponse<String>> run(int index, WebSession member) throws Exception;
    }

    /** Runs each member's work on its own thread, all released at the same moment. */
    private static List<HttpResponse<String>> atOnce(List<WebSession> members, Work work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(members.size())) {
            List<Future<List<HttpResponse<String>>>> futures = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return work.run(index, members.get(index));
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> f : futures) {
                answers.addAll(f.get());
            }
            return answers;
        }
    }

    /** Real members: signed up and confirmed through the pages, eight at a time. */
    private static List<WebSession> signUp(TestServer server, String prefix) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<WebSession>> futures = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                String name = prefix + i;
                futures.add(threads.submit(() -> server.browser().signUpConfirmed(name)));
            }
            List<WebSession> members = new ArrayList<>();
            for (Future<WebSession> f : futures) {
                members.add(f.get());
            }
            return members;
        }
    }

    private static HttpResponse<String> vote(TestServer server, WebSession member, String paper, boolean up)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/papers/" + paper + "/upvote")))
                .header("X-CSRF-Token", member.csrf());
        return member.send(up ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.DELETE());
    }

    /** The count as the API shows it to a member: their answers are never cached, so never behind. */
    private static int upvotes(TestServer server, String paper) throws Exception {
        WebSession reader =
                site(TestStore.valueOf(server.db().dialect().name())).members().get(0);
        return JSON.readTree(reader.get("/api/papers/" + paper).body())
                .get("upvotes")
                .asInt();
    }

    private static int count(String body) {
        try {
            return JSON.readTree(body).get("upvotes").asInt();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The stored total and a fresh sum of the shown listings' imported upvotes and the vote rows. */
    private static List<Integer> storedTotal(TestServer server, String paper) {
        return server.db()
                .withHandle(h -> List.of(
                        h.createQuery("SELECT upvotes FROM paper_votes WHERE paper_id = :p")
                                .bind("p", paper)
                                .mapTo(Integer.class)
                                .one(),
                        h.createQuery(
                                        "SELECT (SELECT count(*) FROM votes WHERE paper_id = :p) + (SELECT COALESCE(SUM(upvotes), 0) "
                                                + "FROM listings WHERE paper_id = :p AND unfeatured_at IS NULL)")
                                .bind("p", paper)
                                .mapTo(Integer.class)
                                .one()));
    }

    /** The stored counter and a fresh count of the vote rows: they must agree. */
    private static List<Integer> storedCounts(TestServer server, String paper) {
        return server.db()
                .withHandle(h -> List.of(
                        h.createQuery("SELECT votes FROM paper_votes WHERE paper_id = :p")
                                .bind("p", paper)
                                .mapTo(Integer.class)
                                .one(),
                        h.createQuery("SELECT count(*) FROM votes WHERE paper_id = :p")
                                .bind("p", paper)
                                .mapTo(Integer.class)
                                .one()));
    }
}
