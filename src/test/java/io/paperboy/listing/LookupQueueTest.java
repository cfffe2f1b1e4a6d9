package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 17, finding 11: the line for arXiv is fair between members, bounded, and says how long it is. */
final class LookupQueueTest {
    private final List<String> served = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void letEveryoneThrough() throws Exception {
        release.countDown();
        for (Thread t : threads) {
            t.join(5_000);
        }
    }

    /** Starts a lookup for {@code account} on its own thread and waits until it is in line. */
    private void submit(LookupQueue line, String account, String paper) throws Exception {
        int before = line.now().lookups();
        threads.add(Thread.ofVirtual()
                .start(() -> line.run(account, () -> {
                    served.add(paper);
                    awaitRelease();
                    return paper;
                })));
        Poll.until(Duration.ofSeconds(5), () -> line.now().lookups(), n -> n == before + 1);
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void membersTakeTurns_soOnesPapersDoNotHoldUpEveryoneElse() throws Exception {
        LookupQueue line = new LookupQueue(Duration.ZERO, () -> {}, Duration.ofSeconds(30));
        submit(line, "xavier", "x1"); // running, holding the line
        submit(line, "ada", "a1");
        submit(line, "ada", "a2");
        submit(line, "bob", "b1");
        submit(line, "cy", "c1");

        letEveryoneThrough();

        // First come first served would be x1, a1, a2, b1, c1: bob and cy would wait for both of ada's.
        assertThat(served).containsExactly("x1", "a1", "b1", "c1", "a2");
    }

    @Test
    void aMember_hasAtMostTwoLookupsInLine_theThirdIsRefusedAtOnce() throws Exception {
        LookupQueue line = new LookupQueue(Duration.ofSeconds(3), () -> {}, Duration.ofSeconds(30));
        submit(line, "ada", "a1");
        submit(line, "ada", "a2");

        assertThatThrownBy(() -> line.run("ada", () -> "a3"))
                .isInstanceOf(SubmissionRefused.class)
                .hasMessage("you have 2 papers waiting for arXiv already: submit this one when they are done "
                        + "(about 6 seconds)")
                .satisfies(e ->
                        assertThat(((SubmissionRefused) e).reason().status()).isEqualTo(429));
        assertThat(line.now().lookups()).isEqualTo(2);
    }

    @Test
    void theLine_holdsAtMostTwentyWaiting() throws Exception {
        LookupQueue line = new LookupQueue(Duration.ofSeconds(3), () -> {}, Duration.ofSeconds(30));
        for (int i = 0; i <= LookupQueue.MAX_WAITING; i++) { // one running, twenty waiting
            submit(line, "member" + i, "p" + i);
        }

        assertThatThrownBy(() -> line.run("latecomer", () -> "late"))
                .isInstanceOf(SubmissionRefused.class)
                .hasMessage("20 papers are waiting to be looked up on arXiv, which answers one every 3 seconds: "
                        + "try again in 63 seconds")
                .satisfies(e ->
                        assertThat(((SubmissionRefused) e).reason().status()).isEqualTo(503));
    }

    @Test
    void aLookupWhoseTurnDoesNotComeInTime_isRefused_andLeavesTheLine() throws Exception {
        LookupQueue line = new LookupQueue(Duration.ZERO, () -> {}, Duration.ofMillis(200));
        submit(line, "xavier", "x1");

        assertThatThrownBy(() -> line.run("ada", () -> "a1"))
                .isInstanceOf(SubmissionRefused.class)
                .hasMessageContaining("arXiv lookups are slow right now")
                .satisfies(e ->
                        assertThat(((SubmissionRefused) e).reason().status()).isEqualTo(503));
        assertThat(line.now().lookups()).isEqualTo(1);
        letEveryoneThrough();
        assertThat(served).containsExactly("x1");
    }

    @Test
    void now_saysHowManyLookupsAreInLine_andWhenANewOneWouldStart() throws Exception {
        LookupQueue line = new LookupQueue(Duration.ofSeconds(3), () -> {}, Duration.ofSeconds(30));
        assertThat(line.now()).isEqualTo(new LookupQueue.Wait(0, Duration.ZERO, Duration.ofSeconds(3)));
        submit(line, "ada", "a1");
        submit(line, "bob", "b1");
        submit(line, "cy", "c1");

        assertThat(line.now()).isEqualTo(new LookupQueue.Wait(3, Duration.ofSeconds(9), Duration.ofSeconds(3)));
    }

    @Test
    void theSitesTurnAtArxiv_comesBeforeEveryLookup() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        LookupQueue line = new LookupQueue(Duration.ZERO, () -> events.add("turn"), Duration.ofSeconds(30));

        line.run("ada", () -> events.add("a1"));
        line.run("bob", () -> events.add("b1"));

        assertThat(events).containsExactly("turn", "a1", "turn", "b1");
    }
}
