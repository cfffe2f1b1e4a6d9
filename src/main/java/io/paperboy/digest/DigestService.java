package io.paperboy.digest;

import io.paperboy.db.Database;
import io.paperboy.foryou.ForYou;
import io.paperboy.jobs.ClaimLeases;
import io.paperboy.listing.ListingService;
import io.paperboy.mail.Mail;
import io.paperboy.mail.MailException;
import io.paperboy.mail.Mailer;
import io.paperboy.paper.PaperService;
import io.paperboy.search.SearchService;
import io.paperboy.web.SiteUrl;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digest run: first record in the outbox, in one transaction per batch, every (subscription,
 * period) that is due; then deliver the outbox's pending rows one by one.
 *
 * <p>Exactly once, as far as SMTP allows: a row is claimed (status 'sending', with a lease) in
 * its own commit before the mail is handed to the relay, and marked 'sent' in the next commit
 * right after the relay's reply. A crash before the hand-over leaves the row to be tried again
 * when its lease runs out; nothing is skipped. A crash in the instant between the relay's
 * 250 reply and our commit cannot be told from one before it, so that mail (at most one per
 * sender thread) is sent again, with the same Message-ID, which relays and clients use to drop
 * duplicates. Transient failures are
 * retried with exponential backoff; permanent ones (5xx) fail the row and, after
 * {@value #PAUSE_AFTER_BOUNCES} in a row, pause the subscription.
 */
public final class DigestService {
    private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);
    static final int ENQUEUE_BATCH = 500;
    static final int CLAIM_BATCH = 100;
    /**
     * Mails handed to the relay at once. More connections deliver faster; each can leave one
     * duplicate (same Message-ID) if the process dies in the instant after the relay's reply.
     */
    static final int SENDERS = 4;
    /** How long a claim keeps other senders off a row without renewal; renewed every third of it (see ClaimLeases). */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(2);
    static final int MAX_ATTEMPTS = 10;
    static final int PAUSE_AFTER_BOUNCES = 3;
    /** Transient failures in a row after which a run stops: the relay is down, not one mailbox. */
    static final int STOP_AFTER_TRANSIENT = 3;

    /** What one run did. */
    public record RunReport(
            int due, int queued, int sent, int retrying, int failed, int cancelled, int paused, boolean stoppedEarly) {
        public String summary() {
            return String.format(
                    "%d due, %d newly queued, %d sent, %d to retry, %d failed, %d cancelled, %d paused%s",
                    due,
                    queued,
                    sent,
                    retrying,
                    failed,
                    cancelled,
                    paused,
                    stoppedEarly ? " (stopped: the relay keeps failing; the rest waits for the next run)" : "");
        }
    }

    private final Database db;
    private final ListingService listings;
    private final PaperService papers;
    private final SearchService search;
    private final Mailer mailer;
    private final ForYou forYou;
    private final DigestComposer composer;
    private final DigestMail mails;
    private final UnsubscribeTokens unsubscribeTokens;
    private final SubscriptionRepository subscriptions = new SubscriptionRepository();
    private final OutboxRepository outbox = new OutboxRepository();
    private volatile Duration lease = LEASE;

    /** Digests without personal picks (no "For you" section). */
    public DigestService(
            Database db,
            ListingService listings,
            PaperService papers,
            SearchService search,
            Mailer mailer,
            SiteUrl site) {
        this(db, listings, papers, search, mailer, site, null);
    }

    /** Digests whose subscriptions made by members get a "For you" section from {@code forYou}'s stored picks. */
    public DigestService(
            Database db,
            ListingService listings,
            PaperService papers,
            SearchService search,
            Mailer mailer,
            SiteUrl site,
            ForYou forYou) {
        this.db = db;
        this.forYou = forYou;
        this.listings = listings;
        this.papers = papers;
        this.search = search;
        this.mailer = mailer;
        this.composer = new DigestComposer(site);
        this.mails = new DigestMail(site);
        this.unsubscribeTokens = DigestKeys.unsubscribeTokens(db);
    }

    /** Sets how long a claim on an outbox row lasts between renewals (default two minutes); returns this. */
    public DigestService withLease(Duration claimLease) {
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("digest: the claim lease must be positive, not " + claimLease);
        }
        this.lease = claimLease;
        return this;
    }

    /** Queues what is due at {@code now} (only {@code frequency}'s, unless null) and delivers everything pending. */
    public RunReport run(Instant now, Frequency frequency) {
        List<Subscription> dueNow = due(now, frequency);
        int queued = enqueue(
                dueNow.stream().map(s -> Map.entry(s.id(), s.due(now).key())).toList(), now);
        RunReport delivered = deliver(now);
        return new RunReport(
                dueNow.size(),
                queued,
                delivered.sent(),
                delivered.retrying(),
                delivered.failed(),
                delivered.cancelled(),
                delivered.paused(),
                delivered.stoppedEarly());
    }

    /**
     * Composes every digest due at {@code now} without queueing or sending it (a dry run), on all
     * cores; {@code sink} must be thread-safe. Returns how many.
     */
    public int composeDue(Instant now, Frequency frequency, Consumer<Mail> sink) {
        List<Subscription> dueNow = due(now, frequency);
        refreshPicks(
                dueNow.stream()
                        .map(Subscription::userId)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList(),
                now);
        DigestSources sources = sources();
        sources.trending();
        return dueNow.parallelStream()
                .mapToInt(s -> {
                    sink.accept(mail(s, s.due(now), sources));
                    return 1;
                })
                .sum();
    }

    /** The digest {@code subscription} would get for the period containing {@code now}; the default daily one for null. */
    public Digest preview(Subscription subscription, Instant now) {
        DigestPeriod period = subscription == null
                ? DigestPeriod.containing(Frequency.DAILY, 0, ZoneOffset.UTC, now)
                : DigestPeriod.containing(subscription.frequency(), subscription.hour(), subscription.zone(), now);
        return subscription == null
                ? composer.compose(Interests.NONE, null, period, sources())
                : composer.compose(subscription.interests(), subscription.userId(), period, sources());
    }

    /** The HTML of a digest as mailed, for the preview page; without an unsubscribe link for non-subscribers. */
    public String previewHtml(Digest digest, Subscription subscription) {
        return DigestMail.html(mails.view(
                digest, subscription == null ? null : unsubscribeTokens.token(subscription.id()), new ItemRenderer()));
    }

    public String previewText(Digest digest, Subscription subscription) {
        return DigestMail.text(mails.view(
                digest, subscription == null ? null : unsubscribeTokens.token(subscription.id()), new ItemRenderer()));
    }

    /** When the oldest mail still waiting in the outbox was queued; empty when none waits. */
    public java.util.Optional<Instant> oldestWaitingMail() {
        return db.withHandle(outbox::oldestWaiting);
    }

    /**
     * Composing for channels that are not mailboxes (webhooks): one pass's shared reads (the
     * trending papers, each distinct interest's matches), for as many destinations as it serves.
     */
    public Composing composing() {
        return new Composing(sources());
    }

    /** What {@link #composing()} returns: digests and reasons from one pass's shared reads (thread-safe). */
    public final class Composing {
        private final DigestSources sources;

        private Composing(DigestSources sources) {
            this.sources = sources;
        }

        /**
         * The {@code top} top trending papers, then the period's papers matching {@code interests},
         * each with why it is there, composed as a digest without personal picks.
         */
        public Digest compose(Interests interests, DigestPeriod period, int top) {
            return composer.compose(interests, null, period, sources, top);
        }

        /**
         * Which of {@code paperIds} match {@code interests}, with the digest's reason for each
         * (as papers are featured); looks at the {@code depth} best matches of each interest.
         */
        public Map<String, String> reasons(Interests interests, java.util.Collection<String> paperIds, int depth) {
            // Each interest's best matches among papers published when the candidates were (a narrow
            // window, so the few candidates are within it), and its best matches overall.
            List<java.time.LocalDate> published = sources.papers(List.copyOf(paperIds)).values().stream()
                    .map(io.paperboy.paper.Paper::published)
                    .filter(java.util.Objects::nonNull)
                    .sorted()
                    .toList();
            Map<String, String> reasons = DigestComposer.reasons(interests, q -> {
                List<String> ids = new ArrayList<>(sources.matchingAny(q, Math.min(depth, SearchService.MAX_LIMIT)));
                if (!published.isEmpty()) {
                    ids.addAll(sources.matching(q, published.getFirst(), published.getLast()));
                }
                return ids;
            });
            reasons.keySet().retainAll(new java.util.HashSet<>(paperIds));
            return reasons;
        }

        /** The digest items (without a reason) of the stored papers among {@code paperIds}, in their order. */
        public List<DigestItem> items(List<String> paperIds) {
            Map<String, io.paperboy.paper.Paper> found = sources.papers(paperIds);
            return paperIds.stream()
                    .filter(found::containsKey)
                    .map(id -> sources.item(id, i -> composer.item(found.get(i), sources.votes(i))))
                    .toList();
        }
    }

    /** Outbox rows per status ("pending" → 3, "sent" → 120), for operators. */
    public Map<String, Integer> outboxCounts() {
        return db.withHandle(outbox::countByStatus);
    }

    private List<Subscription> due(Instant now, Frequency frequency) {
        return db.withHandle(subscriptions::listActive).stream()
                .filter(s -> s.due(now) != null && (frequency == null || s.frequency() == frequency))
                .toList();
    }

    /**
     * Brings the "for you" picks of {@code members} (those about to be mailed) up to date, once
     * per pass and before any digest is composed: composing then only reads them (ranking costs
     * ~100 ms per member; only members whose likes changed, or whose picks are a day old, are
     * ranked again).
     */
    private void refreshPicks(List<Long> members, Instant now) {
        if (forYou == null || members.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int computed = forYou.refresh(members, now);
        LOG.info(
                "for-you picks: {} of {} members to mail computed again in {} ms",
                computed,
                members.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private int enqueue(List<Map.Entry<Long, String>> due, Instant now) {
        int queued = 0;
        for (int i = 0; i < due.size(); i += ENQUEUE_BATCH) {
            List<Map.Entry<Long, String>> batch = due.subList(i, Math.min(due.size(), i + ENQUEUE_BATCH));
            queued += db.inTransaction(h -> outbox.enqueue(h, batch, now));
        }
        return queued;
    }

    /**
     * Delivers every outbox row that is due at {@code now}, queueing nothing new, over
     * {@value #SENDERS} SMTP connections at a time; stops early when the relay keeps failing.
     */
    public RunReport deliver(Instant now) {
        refreshPicks(db.withHandle(h -> outbox.listMembersToDeliver(h, now)), now);
        DigestSources sources = sources();
        Tally tally = new Tally();
        try (ClaimLeases claims = new ClaimLeases(db, outbox, "digest outbox", now, lease);
                ExecutorService senders = Executors.newFixedThreadPool(
                        SENDERS,
                        Thread.ofPlatform().name("digest-send-", 0).daemon().factory())) {
            List<OutboxRepository.Row> rows;
            do {
                rows = db.withHandle(h -> outbox.listClaimable(h, claims.now(), CLAIM_BATCH));
                List<Future<?>> sending = new ArrayList<>();
                for (OutboxRepository.Row row : rows) {
                    sending.add(senders.submit(() -> {
                        String token = tally.relayDown() ? null : claims.claim(row.id());
                        if (token != null) {
                            try {
                                deliverOne(row, token, claims, sources, tally);
                            } finally {
                                claims.release(row.id());
                            }
                        }
                    }));
                }
                awaitAll(sending);
                if (tally.relayDown()) {
                    return tally.report(true);
                }
            } while (!rows.isEmpty());
        }
        return tally.report(false);
    }

    private static void awaitAll(List<Future<?>> tasks) {
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("digest delivery interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void deliverOne(
            OutboxRepository.Row row, String token, ClaimLeases claims, DigestSources sources, Tally tally) {
        Optional<Subscription> found = db.withHandle(h -> subscriptions.findById(h, row.subscriptionId()));
        if (found.isEmpty() || found.get().status() != Subscription.Status.ACTIVE) {
            db.useTransaction(h -> outbox.cancel(h, row.id(), token));
            tally.cancelled();
            return;
        }
        Subscription s = found.get();
        Mail mail = mail(s, DigestPeriod.of(row.periodKey(), s.hour(), s.zone()), sources);
        // Composing took a while: the row goes to the relay only if it is still ours.
        if (!claims.renew(row.id(), token)) {
            LOG.warn(
                    "digest {} to {}: not sent, another sender took it over (this one held it past its lease)",
                    row.periodKey(),
                    s.email());
            return;
        }
        try {
            mailer.send(mail);
        } catch (MailException e) {
            failed(row, token, s, e, claims.now(), tally);
            return;
        }
        // The crash window: the relay has the mail, the row still says 'sending'. Kept to one UPDATE.
        boolean recorded = db.inTransaction(h -> {
            subscriptions.clearBounces(h, s.id());
            return outbox.markSent(h, row.id(), token, claims.now());
        });
        if (!recorded) {
            LOG.warn(
                    "digest {} to {}: sent, but its claim was lost meanwhile; another sender may send it too "
                            + "(with the same Message-ID)",
                    row.periodKey(),
                    s.email());
        }
        tally.sent();
    }

    private void failed(
            OutboxRepository.Row row, String token, Subscription s, MailException e, Instant now, Tally tally) {
        int attempts = row.attempts() + 1;
        if (e.permanent() || attempts >= MAX_ATTEMPTS) {
            boolean paused = db.inTransaction(h -> {
                outbox.markFailed(h, row.id(), token, e.getMessage());
                return e.permanent() && subscriptions.recordBounce(h, s.id(), e.getMessage(), PAUSE_AFTER_BOUNCES, now);
            });
            LOG.warn("digest {} to {} failed for good: {}", row.periodKey(), s.email(), e.getMessage());
            tally.failed(paused, !e.permanent());
            return;
        }
        Instant next = now.plus(backoff(attempts));
        db.useTransaction(h -> outbox.markRetry(h, row.id(), token, next, e.getMessage()));
        LOG.info(
                "digest {} to {}: attempt {} failed ({}); next at {}",
                row.periodKey(),
                s.email(),
                attempts,
                e.getMessage(),
                next);
        tally.retrying();
    }

    /** 1, 2, 4, … minutes after the {@code attempts}-th failure, at most {@link #MAX_RETRY}. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private Mail mail(Subscription s, DigestPeriod period, DigestSources sources) {
        Digest digest = composer.compose(s.interests(), s.userId(), period, sources);
        return mails.mail(s.email(), s.id(), digest, unsubscribeTokens.token(s.id()), sources.rendered());
    }

    private DigestSources sources() {
        return new DigestSources(listings, papers, search, forYou);
    }

    /** What a delivery pass did so far, counted by its sender threads. */
    private static final class Tally {
        private int sent;
        private int retrying;
        private int failed;
        private int cancelled;
        private int paused;
        private int transientInARow;

        synchronized void sent() {
            sent++;
            transientInARow = 0;
        }

        synchronized void retrying() {
            retrying++;
            transientInARow++;
        }

        synchronized void failed(boolean pausedSubscription, boolean transientFailure) {
            failed++;
            paused += pausedSubscription ? 1 : 0;
            transientInARow = transientFailure ? transientInARow + 1 : 0;
        }

        synchronized void cancelled() {
            cancelled++;
        }

        synchronized boolean relayDown() {
            return transientInARow >= STOP_AFTER_TRANSIENT;
        }

        synchronized RunReport report(boolean stoppedEarly) {
            return new RunReport(0, 0, sent, retrying, failed, cancelled, paused, stoppedEarly);
        }
    }
}
