package io.paperboy.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.db.Database;
import io.paperboy.digest.Digest;
import io.paperboy.digest.DigestItem;
import io.paperboy.digest.DigestPeriod;
import io.paperboy.digest.DigestSection;
import io.paperboy.digest.DigestService;
import io.paperboy.json.Json;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook and chat destinations: adding and removing them, queueing what each gets (the daily
 * top papers at its hour, papers as they are featured), delivering the outbox (WebhookDelivery),
 * the delivery log and "send a test". Papers and why each is there come from the digests
 * (DigestService.Composing): a destination follows searches, authors and categories as a digest
 * subscription does, and each item carries the digest's reason.
 */
public final class WebhookService {
    /** The newly featured entries looked at per scan; more wait for the next. */
    static final int SCAN_LIMIT = 2000;
    /**
     * How far back each scan starts before where the last one ended: a listing committed late
     * (another node's slow transaction) carries an earlier time than ones already scanned. The
     * outbox's unique key makes the rescanned ones no-ops.
     */
    static final Duration SCAN_OVERLAP = Duration.ofMinutes(10);
    /**
     * The best matches of each followed interest that a newly featured paper is looked for in
     * (the search's own limit; DigestService.Composing also looks among papers published when the
     * candidates were).
     */
    static final int MATCH_DEPTH = io.paperboy.search.SearchService.MAX_LIMIT;

    private static final ObjectMapper JSON = Json.mapper();

    /** A destination just added, and its secret: shown to its owner this once. */
    public record Created(Destination destination, String secret) {}

    /** What one round did: events queued, then the delivery pass. */
    public record Round(int queued, int sent, int retrying, int failed, int paused) {
        public String summary() {
            return String.format(
                    "%d queued, %d sent, %d to retry, %d failed, %d destinations paused",
                    queued, sent, retrying, failed, paused);
        }
    }

    private final Database db;
    private final DigestService digests;
    private final ListingService listings;
    private final WebhookSender sender;
    private final TargetGuard guard;
    private final Clock clock;
    private final DestinationRepository destinations = new DestinationRepository();
    private final DeliveryRepository outbox = new DeliveryRepository();
    private final WebhookDelivery delivery;

    public WebhookService(
            Database db,
            DigestService digests,
            ListingService listings,
            WebhookSender sender,
            TargetGuard guard,
            Clock clock) {
        this.db = db;
        this.digests = digests;
        this.listings = listings;
        this.sender = sender;
        this.guard = guard;
        this.clock = clock;
        this.delivery = new WebhookDelivery(db, sender, Clock.systemUTC());
    }

    public TargetGuard guard() {
        return guard;
    }

    /** Adds a destination owned by {@code ownerId} (null: the site's); a generic one gets a new signing secret. */
    public Created add(Long ownerId, DestinationInput in) {
        String secret = switch (in.kind()) {
            case GENERIC -> WebhookSignature.newSecret();
            case MATRIX -> in.token();
            default -> null;
        };
        Instant now = clock.instant();
        long id = db.inTransaction(h -> destinations.insert(h, ownerId, in, secret, now));
        return new Created(find(id).orElseThrow(), in.kind() == Kind.GENERIC ? secret : null);
    }

    public Optional<Destination> find(long id) {
        return db.withHandle(h -> destinations.findById(h, id));
    }

    /** A member's destinations, or the site's for null. */
    public List<Destination> ownedBy(Long ownerId) {
        return db.withHandle(h -> destinations.listOwnedBy(h, ownerId));
    }

    public boolean delete(long id) {
        return db.inTransaction(h -> destinations.delete(h, id));
    }

    /**
     * Deletes every destination of the member {@code ownerId}: for an account whose address a reset
     * has just proved, made by whoever signed up with it, which must leave nothing posting on.
     */
    public int deleteOwnedBy(long ownerId) {
        return db.inTransaction(h -> destinations.deleteOwnedBy(h, ownerId));
    }

    /** Resumes a paused destination: what was queued before it paused is tried again. */
    public void resume(long id) {
        db.useTransaction(h -> destinations.resume(h, id, clock.instant()));
    }

    /** The destination's last attempts, newest first. */
    public List<LoggedAttempt> log(long id) {
        return db.withHandle(h -> outbox.listLog(h, id));
    }

    /** Outbox rows per status ("pending" → 3, "sent" → 120). */
    public Map<String, Integer> outboxCounts() {
        return db.withHandle(outbox::countByStatus);
    }

    /**
     * Sends a test message now, outside the outbox (nothing is retried, the destination is not
     * paused by it), and records the attempt in its log.
     */
    public Attempt sendTest(Destination d) {
        List<DigestItem> sample = digests.composing()
                .items(listings.trending(io.paperboy.listing.ListingFilter.NONE).stream()
                        .limit(1)
                        .map(p -> p.paper().id())
                        .toList());
        WebhookEvent event = new WebhookEvent(
                WebhookEvent.TEST,
                "Test from Paperboy: this destination works",
                sample.stream()
                        .map(i -> item(i, "a sample: the top trending paper now"))
                        .toList());
        Instant now = clock.instant();
        String id = "msg_test_" + UUID.randomUUID();
        Attempt attempt = sender.send(Messages.build(d, id, event, now));
        db.useTransaction(h -> outbox.log(h, d.id(), "test", now, attempt));
        return attempt;
    }

    /** Queues what is due at {@code now} and delivers everything pending. */
    public Round run(Instant now) {
        int queued = queueDue(now);
        WebhookDelivery.Report r = delivery.deliver(now);
        return new Round(queued, r.sent(), r.retrying(), r.failed(), r.paused());
    }

    /** Delivers what is pending, queueing nothing. */
    public Round deliver(Instant now) {
        WebhookDelivery.Report r = delivery.deliver(now);
        return new Round(0, r.sent(), r.retrying(), r.failed(), r.paused());
    }

    /** Queues each active destination's due daily papers and the papers featured since the last scan; returns how many new. */
    public int queueDue(Instant now) {
        List<Destination> active = db.withHandle(destinations::listActive);
        DigestService.Composing composing = digests.composing();
        int queued = 0;
        for (Destination d : active) {
            DigestPeriod period = d.dailyDue(now);
            if (period != null && !db.withHandle(h -> outbox.exists(h, d.id(), period.key()))) {
                Digest digest = composing.compose(d.interests(), period, d.dailyTop());
                queued += enqueue(d, period.key(), daily(digest), now) ? 1 : 0;
            }
        }
        return queued + queueFeatured(active, composing, now);
    }

    private int queueFeatured(List<Destination> active, DigestService.Composing composing, Instant now) {
        List<Destination> following =
                active.stream().filter(Destination::followsFeatured).toList();
        Instant scannedTo = db.withHandle(outbox::findScannedTo).orElse(now);
        List<ListingEntry> entries = following.isEmpty()
                ? List.of()
                : listings.featuredBetween(scannedTo.minus(SCAN_OVERLAP), now, SCAN_LIMIT);
        int queued = 0;
        if (!entries.isEmpty()) {
            List<String> ids =
                    entries.stream().map(ListingEntry::paperId).distinct().toList();
            Map<String, DigestItem> items = new LinkedHashMap<>();
            composing.items(ids).forEach(i -> items.put(i.paperId(), i));
            for (Destination d : following) {
                Map<String, String> reasons =
                        d.interests().isEmpty() ? Map.of() : composing.reasons(d.interests(), ids, MATCH_DEPTH);
                for (ListingEntry e : entries) {
                    DigestItem item = items.get(e.paperId());
                    String reason = reasons.getOrDefault(
                            e.paperId(), d.everyFeatured() ? "newly featured on " + e.day() : null);
                    if (item != null && reason != null && !backlog(e, d)) {
                        WebhookEvent event = new WebhookEvent(
                                WebhookEvent.FEATURED, "Newly featured: " + item.title(), List.of(item(item, reason)));
                        queued += enqueue(d, "featured:" + e.paperId() + ":" + e.day(), event, now) ? 1 : 0;
                    }
                }
            }
        }
        // Where the next scan starts; entries past the limit are picked up from the last one seen.
        Instant to = entries.size() == SCAN_LIMIT ? now.minus(SCAN_OVERLAP) : now;
        db.useTransaction(h -> outbox.updateScannedTo(h, to));
        return queued;
    }

    // Entries for days well before the destination was added (an import of old listings) are not news to it.
    private static boolean backlog(ListingEntry e, Destination d) {
        return e.day()
                .isBefore(d.createdAt()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .minusDays(1));
    }

    private boolean enqueue(Destination d, String key, WebhookEvent event, Instant now) {
        if (event.items().isEmpty()) {
            return false;
        }
        String payload;
        try {
            payload = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhooks: cannot write event " + key + " as JSON", e);
        }
        return db.inTransaction(h -> outbox.enqueue(h, d.id(), key, payload, now));
    }

    private static WebhookEvent daily(Digest digest) {
        List<WebhookEvent.Item> items = new ArrayList<>();
        for (DigestSection section : digest.sections()) {
            int rank = 0;
            for (DigestItem i : section.items()) {
                rank++;
                items.add(item(
                        i,
                        i.reason() != null
                                ? i.reason()
                                : "#" + rank + " trending, " + i.votes() + (i.votes() == 1 ? " upvote" : " upvotes")));
            }
        }
        return new WebhookEvent(
                WebhookEvent.DAILY, "Top papers · " + digest.period().title(), items);
    }

    private static WebhookEvent.Item item(DigestItem i, String reason) {
        return new WebhookEvent.Item(
                i.paperId(),
                i.title(),
                i.authors(),
                i.snippet(),
                i.pageUrl(),
                i.arxivUrl(),
                i.codeUrl(),
                i.votes(),
                reason);
    }
}
