package io.paperboy.web;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * A limit on one quick action a member repeats (an upvote or its withdrawal, a save or its
 * removal), counted in the store per account, and per client address for attempts without one,
 * so the pages, the JSON API and the MCP tools all take from the same bucket on every node.
 *
 * <p>{@value #PER_ACCOUNT} per {@value #PERIOD_MINUTES} minutes: a reader going through a busy
 * day's 50 featured papers, upvoting and saving a good share and changing their mind on a few,
 * stays well inside it (the bucket refills one every 5 s), while a script that flips a vote back
 * and forth is stopped after two minutes' worth of clicking instead of rewriting counts, "for you"
 * and the change log without end.
 */
public final class ActionLimit {
    /** Actions of one kind per account (or per client address without one) per {@link #PERIOD}. */
    public static final int PER_ACCOUNT = 120;

    public static final int PERIOD_MINUTES = 10;
    public static final Duration PERIOD = Duration.ofMinutes(PERIOD_MINUTES);

    private final Throttle byAccount;
    private final Throttle byClient;

    private ActionLimit(Throttles throttles, String name, String what) {
        String limit = " (" + PER_ACCOUNT + " per " + PERIOD_MINUTES + " minutes)";
        this.byAccount = throttles.of(name + "-account", what + " from your account" + limit, PER_ACCOUNT, PERIOD);
        this.byClient = throttles.of(name + "-client", what + " from your address" + limit, PER_ACCOUNT, PERIOD);
    }

    /** Upvotes and their withdrawals. */
    public static ActionLimit votes(Throttles throttles) {
        return new ActionLimit(throttles, "votes", "upvotes and withdrawn upvotes");
    }

    /** Reading-list changes: saves, removals, marking read or unread. */
    public static ActionLimit saves(Throttles throttles) {
        return new ActionLimit(throttles, "saves", "reading-list changes");
    }

    /** Takes one action for this request's member (session or API token), or its client address without one; 429 when spent. */
    public void acquire(Context ctx) {
        acquire(Visitor.of(ctx).member(), ctx.ip());
    }

    /** Takes one action for {@code member}, or {@code clientAddress} when null; 429 with Retry-After when spent. */
    public void acquire(Member member, String clientAddress) {
        if (member != null) {
            byAccount.acquire(Long.toString(member.id()));
        } else {
            byClient.acquire(clientAddress);
        }
    }
}
