package io.paperboy.digest;

import io.paperboy.db.Database;
import io.paperboy.db.Timestamps;
import io.paperboy.mail.Mail;
import io.paperboy.mail.MailException;
import io.paperboy.mail.Mailer;
import io.paperboy.search.InvalidQueryException;
import io.paperboy.search.SearchService;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Secrets;
import io.paperboy.web.SiteUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing (double opt-in), confirming, unsubscribing, and members' own subscriptions. The
 * answer to a subscribe request never depends on whether the address is already subscribed: the
 * difference is only in the mail that address receives.
 */
public final class SubscriptionService {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);
    static final Duration CONFIRM_LINK_TTL = Duration.ofHours(48);

    private final Database db;
    private final Mailer mailer;
    private final SearchService search;
    private final Clock clock;
    private final SubscriptionMails mails;
    private final UnsubscribeTokens unsubscribeTokens;
    private final SubscriptionRepository subscriptions = new SubscriptionRepository();
    private final OutboxRepository outbox = new OutboxRepository();

    public SubscriptionService(Database db, Mailer mailer, SearchService search, SiteUrl site, Clock clock) {
        this.db = db;
        this.mailer = mailer;
        this.search = search;
        this.clock = clock;
        this.mails = new SubscriptionMails(site);
        this.unsubscribeTokens = DigestKeys.unsubscribeTokens(db);
    }

    /** Parses and checks the form; an InvalidForm names every field that is wrong. */
    public SubscriptionInput parse(SubscriptionInput.Raw raw, boolean needEmail) {
        Map<String, String> problems = SubscriptionInput.problems();
        SubscriptionInput input = SubscriptionInput.parse(raw, needEmail, problems);
        if (input != null) {
            for (String query : input.interests().searches()) {
                try {
                    search.search(query, 1);
                } catch (InvalidQueryException e) {
                    problems.putIfAbsent("searches", "'" + query + "' cannot be searched: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidForm(problems);
        }
        return input;
    }

    /**
     * Someone asks for the digest at {@code input.email()}: a new or lapsed subscription waits
     * for its confirmation link; an active one stays as it is and its address is told so.
     */
    public void subscribe(SubscriptionInput input) {
        Instant now = clock.instant();
        Mail mail = db.inTransaction(h -> {
            Optional<Subscription> existing = subscriptions.findByEmail(h, input.email());
            if (existing.isPresent() && existing.get().status() == Subscription.Status.ACTIVE) {
                return mails.alreadySubscribed(
                        input.email(), unsubscribeTokens.token(existing.get().id()));
            }
            String token = Secrets.token();
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
                subscriptions.updateSettings(h, id, null, input, now);
                subscriptions.awaitConfirmation(h, id, Secrets.hash(token), now.plus(CONFIRM_LINK_TTL), now);
            } else {
                id = subscriptions.insert(
                        h, input.email(), null, input, Secrets.hash(token), now.plus(CONFIRM_LINK_TTL), now);
            }
            subscriptions.replaceInterests(h, id, input.interests());
            return mails.confirm(input.email(), input, token);
        });
        send(mail);
    }

    /** Whether {@code token} would confirm a subscription now (to show the confirm button). */
    public boolean confirmable(String token) {
        String hash = Secrets.hash(token == null ? "" : token);
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM digest_subscriptions WHERE confirm_hash = :hash "
                                + "AND status = 'pending' AND confirm_expires_at > :now")
                        .bind("hash", hash)
                        .bind("now", Timestamps.stamp(clock.instant()))
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    /** Uses a confirmation link; false when it is unknown, used or expired. */
    public boolean confirm(String token) {
        String hash = Secrets.hash(token == null ? "" : token);
        return db.inTransaction(h -> subscriptions.confirm(h, hash, clock.instant()))
                .isPresent();
    }

    /** The subscription an unsubscribe link names, if the link is genuine and it still gets mail. */
    public Optional<Subscription> byUnsubscribeToken(String token) {
        OptionalLong id = unsubscribeTokens.subscription(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return db.withHandle(h -> subscriptions.findById(h, id.getAsLong()));
    }

    /**
     * Stops the subscription at once: no further digest, and none of those already queued.
     * Returns false for a forged or unknown link; unsubscribing twice is fine.
     */
    public boolean unsubscribe(String token) {
        OptionalLong id = unsubscribeTokens.subscription(token);
        if (id.isEmpty()) {
            return false;
        }
        return db.inTransaction(h -> stop(h, id.getAsLong()));
    }

    public String unsubscribeToken(long subscriptionId) {
        return unsubscribeTokens.token(subscriptionId);
    }

    public Optional<Subscription> forMember(long userId) {
        return db.withHandle(h -> subscriptions.findByUser(h, userId));
    }

    /**
     * Saves a member's digest settings for their account address, which must be confirmed: it
     * starts at once. An earlier subscription of the same address made without an account becomes
     * the member's. An unconfirmed member is refused with the same words whether or not the
     * address has a subscription, so the page tells nobody who subscribes, and an impostor who
     * signed up with someone else's address leaves no digest behind.
     */
    public void saveForMember(long userId, String email, boolean addressConfirmed, SubscriptionInput input) {
        if (!addressConfirmed) {
            throw InvalidForm.of("form", "confirm your email address first: settings can mail you the link again");
        }
        Instant now = clock.instant();
        Mail mail = db.inTransaction(h -> {
            Optional<Subscription> existing = subscriptions.findByUser(h, userId);
            if (existing.isEmpty()) {
                existing = subscriptions.findByEmail(h, email);
            }
            long id;
            String token = Secrets.token();
            if (existing.isPresent()) {
                id = existing.get().id();
                subscriptions.updateSettings(h, id, userId, input, now);
            } else {
                id = subscriptions.insert(
                        h, email, userId, input, Secrets.hash(token), now.plus(CONFIRM_LINK_TTL), now);
            }
            subscriptions.replaceInterests(h, id, input.interests());
            boolean active = existing.isPresent() && existing.get().status() == Subscription.Status.ACTIVE;
            if (active) {
                return null;
            }
            if (addressConfirmed) {
                subscriptions.activate(h, id, now);
                return null;
            }
            subscriptions.awaitConfirmation(h, id, Secrets.hash(token), now.plus(CONFIRM_LINK_TTL), now);
            return mails.confirm(email, input, token);
        });
        if (mail != null) {
            send(mail);
        }
    }

    /** Stops the member's digest; false when they had none. */
    public boolean stopForMember(long userId) {
        return db.inTransaction(h ->
                subscriptions.findByUser(h, userId).map(s -> stop(h, s.id())).orElse(false));
    }

    private boolean stop(org.jdbi.v3.core.Handle h, long id) {
        boolean found = subscriptions.setStatus(h, id, Subscription.Status.UNSUBSCRIBED, clock.instant());
        if (found) {
            outbox.cancelUnsent(h, id);
        }
        return found;
    }

    // Sent after the commit: a rolled-back subscription never mails anyone. A failure is logged and
    // the person can ask again; the page says the same either way.
    private void send(Mail mail) {
        try {
            mailer.send(mail);
        } catch (MailException e) {
            LOG.warn("digest: cannot send '{}' to {}: {}", mail.subject(), mail.to(), e.getMessage());
        }
    }
}
