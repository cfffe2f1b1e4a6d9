package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.HttpResponseException;
import io.paperboy.testing.MovableClock;
import io.paperboy.testing.TestStore;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Throttles kept in the store (table throttle_buckets) on SQLite and PostgreSQL: two nodes on
 * one store count together, a burst at once gets exactly the capacity, and nothing an attacker
 * sprays makes a bucket forget its count.
 */
final class ThrottleStoreTest {
    @TempDir
    Path dir;

    private static Throttle fivePerQuarterHour(Database db, Clock clock) {
        return new Throttles(new ThrottleBuckets(db, clock).proxies())
                .of("login-account", "failed logins for this account", 5, Duration.ofMinutes(15));
    }

    private static int status(Runnable attempt) {
        try {
            attempt.run();
            return 200;
        } catch (HttpResponseException e) {
            return e.getStatus();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void twoNodesOnOneStore_shareTheCount(TestStore store) {
        String url = store.newDatabaseUrl(dir);
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        try (Database one = Database.open(url);
                Database other = Database.open(url)) {
            Throttle onOne = fivePerQuarterHour(one, clock);
            Throttle onOther = fivePerQuarterHour(other, clock);
            for (int i = 0; i < 3; i++) {
                onOne.acquire("victim@example.org");
            }
            onOther.acquire("victim@example.org");
            onOther.acquire("victim@example.org");

            // Each node has taken fewer than five; together they have taken five.
            assertThatThrownBy(() -> onOne.acquire("victim@example.org"))
                    .isInstanceOf(HttpResponseException.class)
                    .hasMessageContaining("too many failed logins for this account: try again in 3 minutes")
                    .satisfies(e ->
                            assertThat(((HttpResponseException) e).getStatus()).isEqualTo(429));
            assertThat(status(() -> onOther.acquire("victim@example.org"))).isEqualTo(429);
            assertThat(status(() -> onOther.acquire("someone-else@example.org")))
                    .isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aBurstOfTriesAtOnceOnTwoNodes_getsExactlyTheCapacity(TestStore store) throws Exception {
        String url = store.newDatabaseUrl(dir);
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        try (Database one = Database.open(url);
                Database other = Database.open(url);
                ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Throttle> nodes = List.of(fivePerQuarterHour(one, clock), fivePerQuarterHour(other, clock));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Throttle node = nodes.get(i % 2);
                tries.add(pool.submit(() -> {
                    start.await();
                    return status(() -> node.acquire("victim@example.org"));
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Integer> t : tries) {
                granted += t.get() == 200 ? 1 : 0;
            }
            assertThat(granted).isEqualTo(5);
        }
    }

    /** Keys an attacker sprays: more than the 100,000 at which the old in-memory map forgot every bucket. */
    private static final int SPRAYED_KEYS = 120_000;

    /** Takes one try for each of {@code count} distinct keys, through the throttle, on several threads. */
    private static void spray(Throttle throttle, int count, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (int i = part; i < count; i += threads) {
                        throttle.acquire("spray-" + i + "@example.org");
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aLockedAccount_staysLocked_throughASprayOfMoreKeysThanTheOldMapHeld_andThroughARestart(TestStore store)
            throws Exception {
        String url = store.newDatabaseUrl(dir);
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        try (Database db = Database.open(url)) {
            ThrottleBuckets buckets = new ThrottleBuckets(db, clock);
            Throttle throttle = new Throttles(buckets.proxies())
                    .of("login-account", "failed logins for this account", 5, Duration.ofMinutes(15));
            for (int i = 0; i < 5; i++) {
                throttle.acquire("victim@example.org");
            }
            // Issue 17, finding 3: the in-memory throttle cleared every bucket once it held 100,000
            // keys, so this spray gave the attacker five fresh guesses at the victim.
            spray(throttle, SPRAYED_KEYS, store == TestStore.POSTGRESQL ? 8 : 2);

            assertThat(status(() -> throttle.acquire("victim@example.org")))
                    .as("the victim's lockout after %,d other keys", SPRAYED_KEYS)
                    .isEqualTo(429);
            assertThat(buckets.count()).isEqualTo(SPRAYED_KEYS + 1);

            // Bounded: a sprayed key's single try is back after 3 minutes, and then its row goes;
            // the victim's row stays until all five are back.
            clock.advance(Duration.ofMinutes(3));
            assertThat(buckets.purgeExpired()).isEqualTo(SPRAYED_KEYS);
            assertThat(buckets.count()).isEqualTo(1);
            assertThat(throttle.available("victim@example.org"))
                    .as("one try back in 3 minutes, not five")
                    .isEqualTo(1);
        }
        try (Database restarted = Database.open(url)) {
            Throttle throttle = fivePerQuarterHour(restarted, clock);
            throttle.acquire("victim@example.org");
            assertThat(status(() -> throttle.acquire("victim@example.org"))).isEqualTo(429);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aBucket_refillsWithTime_andIsDeletedOnceFullAgain(TestStore store) {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        try (Database db = store.open(dir)) {
            ThrottleBuckets buckets = new ThrottleBuckets(db, clock);
            Throttle throttle =
                    new Throttles(buckets.proxies()).of("login-account", "failed logins", 5, Duration.ofMinutes(15));
            for (int i = 0; i < 5; i++) {
                throttle.acquire("victim@example.org");
            }
            for (int i = 0; i < 3; i++) {
                throttle.acquire("passer-by@example.org"); // full again in 9 minutes
            }

            clock.advance(Duration.ofMinutes(3)); // one try back: 15 minutes refill five
            assertThat(throttle.available("victim@example.org")).isEqualTo(1);
            assertThat(buckets.purgeExpired())
                    .as("both buckets still count something")
                    .isZero();

            clock.advance(Duration.ofMinutes(12)); // both full again: as good as absent
            assertThat(buckets.purgeExpired()).isEqualTo(2);
            assertThat(buckets.count()).isZero();
            assertThat(throttle.available("victim@example.org")).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void theStore_keepsFixedLengthKeys_andNoAddressInClear(TestStore store) {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        try (Database db = store.open(dir)) {
            Throttle throttle = fivePerQuarterHour(db, clock);
            throttle.acquire("victim@example.org");
            throttle.acquire("x".repeat(100_000) + "@example.org");

            List<String> keys = db.withHandle(h -> h.createQuery("SELECT bucket_key FROM throttle_buckets")
                    .mapTo(String.class)
                    .list());
            assertThat(keys)
                    .hasSize(2)
                    .allSatisfy(k -> assertThat(k)
                            .startsWith("login-account/5per900s:")
                            .hasSize("login-account/5per900s:".length() + 64)
                            .doesNotContain("victim"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aTryGivenBack_andAReset_countNoMore(TestStore store) {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
        try (Database db = store.open(dir)) {
            Throttle throttle = fivePerQuarterHour(db, clock);
            for (int i = 0; i < 5; i++) {
                throttle.acquire("member@example.org");
            }
            throttle.giveBack("member@example.org");
            assertThat(throttle.available("member@example.org")).isEqualTo(1);
            throttle.reset("member@example.org");
            assertThat(throttle.available("member@example.org")).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void turnsAtAPace_areSharedByTwoNodes(TestStore store) throws Exception {
        String url = store.newDatabaseUrl(dir);
        try (Database one = Database.open(url);
                Database other = Database.open(url);
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Duration pace = Duration.ofMillis(400);
            List<Throttle> nodes = List.of(
                    new Throttles(new ThrottleBuckets(one, Clock.systemUTC()).proxies())
                            .of("arxiv-api", "arXiv lookups", 1, pace),
                    new Throttles(new ThrottleBuckets(other, Clock.systemUTC()).proxies())
                            .of("arxiv-api", "arXiv lookups", 1, pace));
            long started = System.nanoTime();
            List<Future<Boolean>> turns = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Throttle node = nodes.get(i % 2);
                turns.add(pool.submit(() -> node.await("submissions", Duration.ofSeconds(10))));
            }
            for (Future<Boolean> turn : turns) {
                assertThat(turn.get()).isTrue();
            }

            // Four turns at one per 400 ms, whichever node asks: the last comes 1.2 s after the first.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1150));
            assertThat(nodes.get(0).await("submissions", Duration.ZERO))
                    .as("no turn is free right after")
                    .isFalse();
        }
    }
}
