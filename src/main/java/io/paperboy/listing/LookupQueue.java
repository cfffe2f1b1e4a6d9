package io.paperboy.listing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The line of submissions waiting to ask arXiv about a paper, on this node: one lookup at a time,
 * at arXiv's pace (one request every 3 s, shared by every node through {@code pacer}), taken in
 * turn by account (round robin), so one member's papers never make everyone else wait behind
 * them all.
 *
 * <p>Bounded: an account has at most {@link #PER_ACCOUNT} lookups in line (its own running one
 * included), the line holds at most {@link #MAX_WAITING}, and nobody waits more than
 * {@code maxWait} for their turn; beyond that the submission is refused at once with the expected
 * wait, instead of holding a request open for minutes.
 */
public final class LookupQueue {
    /** Lookups one account may have in line, its running one included. */
    public static final int PER_ACCOUNT = 2;
    /** Lookups waiting on this node at most: 20 at arXiv's pace is a minute. */
    public static final int MAX_WAITING = 20;

    private final Duration pace;
    private final Runnable pacer;
    private final Duration maxWait;
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: virtual threads wait here
    private final Condition changed = lock.newCondition();
    // Accounts in turn order (a served account with more in line goes to the back), each with its lookups in order.
    private final Map<String, Deque<Ticket>> waiting = new LinkedHashMap<>();
    private int waitingCount;
    private Ticket running;

    // Compared by identity: one account's two lookups are two tickets.
    private static final class Ticket {
        private final String account;

        Ticket(String account) {
            this.account = account;
        }

        String account() {
            return account;
        }
    }

    /** What the line looks like now: how many lookups are in it, and when a new one would start. */
    public record Wait(int lookups, Duration expected, Duration pace) {}

    /**
     * {@code pace} is arXiv's time between requests; {@code pacer} waits for this site's turn to
     * ask arXiv (throwing {@link ArxivLookup.Unavailable} when it does not come); a lookup that has
     * not started within {@code maxWait} is refused.
     */
    public LookupQueue(Duration pace, Runnable pacer, Duration maxWait) {
        this.pace = pace;
        this.pacer = pacer;
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code lookup} for {@code account} when its turn comes, after the pacer.
     *
     * @throws SubmissionRefused when the account or the line is full, or the turn does not come in time
     */
    public <T> T run(String account, Supplier<T> lookup) {
        Ticket ticket = enqueue(account);
        try {
            awaitTurn(ticket);
            pacer.run();
            return lookup.get();
        } finally {
            finish(ticket);
        }
    }

    /** The line now, for the submit page. */
    public Wait now() {
        lock.lock();
        try {
            int lookups = waitingCount + (running == null ? 0 : 1);
            return new Wait(lookups, pace.multipliedBy(lookups), pace);
        } finally {
            lock.unlock();
        }
    }

    private Ticket enqueue(String account) {
        lock.lock();
        try {
            Deque<Ticket> own = waiting.get(account);
            int mine = (own == null ? 0 : own.size())
                    + (running != null && running.account().equals(account) ? 1 : 0);
            if (mine >= PER_ACCOUNT) {
                throw new SubmissionRefused(
                        SubmissionRefused.Reason.YOURS_WAITING,
                        "you have " + mine
                                + " papers waiting for arXiv already: submit this one when they are done (about "
                                + seconds(pace.multipliedBy(waitingCount + 1)) + ")",
                        null,
                        null);
            }
            if (waitingCount >= MAX_WAITING) {
                throw new SubmissionRefused(
                        SubmissionRefused.Reason.LINE_FULL,
                        waitingCount
                                + " papers are waiting to be looked up on arXiv, which answers one every "
                                + seconds(pace)
                                + ": try again in " + seconds(pace.multipliedBy(waitingCount + 1)),
                        null,
                        null);
            }
            Ticket ticket = new Ticket(account);
            waiting.computeIfAbsent(account, a -> new ArrayDeque<>()).addLast(ticket);
            waitingCount++;
            return ticket;
        } finally {
            lock.unlock();
        }
    }

    private void awaitTurn(Ticket ticket) {
        lock.lock();
        try {
            long left = maxWait.toNanos();
            while (running != ticket) {
                if (running == null) {
                    promoteNext();
                    continue;
                }
                if (left <= 0) {
                    withdraw(ticket);
                    throw new SubmissionRefused(
                            SubmissionRefused.Reason.LINE_FULL,
                            "arXiv lookups are slow right now ("
                                    + waitingCount + " waiting after " + seconds(maxWait)
                                    + "): nothing was stored, try again in "
                                    + "a few minutes",
                            null,
                            null);
                }
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            withdraw(ticket);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to ask arXiv", e);
        } finally {
            lock.unlock();
        }
    }

    private void finish(Ticket ticket) {
        lock.lock();
        try {
            if (running == ticket) {
                running = null;
                promoteNext();
            }
        } finally {
            lock.unlock();
        }
    }

    // The first account in turn order runs its oldest lookup and, with more in line, goes to the back.
    private void promoteNext() {
        Iterator<Map.Entry<String, Deque<Ticket>>> accounts = waiting.entrySet().iterator();
        if (!accounts.hasNext()) {
            return;
        }
        Map.Entry<String, Deque<Ticket>> first = accounts.next();
        accounts.remove();
        running = first.getValue().pollFirst();
        waitingCount--;
        if (!first.getValue().isEmpty()) {
            waiting.put(first.getKey(), first.getValue());
        }
        changed.signalAll();
    }

    private void withdraw(Ticket ticket) {
        Deque<Ticket> own = waiting.get(ticket.account());
        if (own != null && own.remove(ticket)) {
            waitingCount--;
            if (own.isEmpty()) {
                waiting.remove(ticket.account());
            }
        }
    }

    static String seconds(Duration duration) {
        long s = (duration.toMillis() + 999) / 1000;
        return s == 1 ? "1 second" : s + " seconds";
    }
}
