package io.paperboy.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waits for background work the test cannot join (an index follower, a change watcher, a metrics
 * after-handler, a child JVM): probes until the answer satisfies {@code done} or time runs out,
 * and returns the last answer, so the test's own assertion reports what was seen.
 */
public final class Poll {
    private static final Duration PAUSE = Duration.ofMillis(20);

    /** A probe that may fail with a checked exception (HTTP, JSON, SQL). */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private Poll() {}

    public static <T> T until(Duration timeout, Probe<T> probe, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T answer = probe.get();
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(PAUSE);
            answer = probe.get();
        }
        return answer;
    }
}
