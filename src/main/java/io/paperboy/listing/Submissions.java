package io.paperboy.listing;

import io.paperboy.audit.ModerationLog;
import io.paperboy.db.Database;
import io.paperboy.db.KeyLocks;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.paper.PaperVersion;
import io.paperboy.web.Member;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members' submissions: a paper featured on today's listing by the member who submitted it, its
 * metadata fetched from arXiv when the store does not know it yet. A paper is featured once;
 * only a curator features it again, and only for a newer arXiv version than the one featured,
 * in an entry that points back to the earlier one.
 */
public final class Submissions {
    /** The moderation log's name for a curator featuring a new version again. */
    public static final String FEATURE_AGAIN = "feature-again";

    // The name submissions of one paper take turns on (KeyLocks).
    private static final String FEATURE_LOCK = "listing-feature/";

    private final Database db;
    private final PaperService papers;
    private final ListingService listings;
    private final ArxivLookup arxiv;
    private final LookupQueue line;
    private final ModerationLog moderation;
    private final Clock clock;
    // Lookups under way on this node by arXiv id: members submitting the same new paper wait for one answer.
    private final ConcurrentHashMap<String, CompletableFuture<Paper>> lookups = new ConcurrentHashMap<>();

    /** A paper now featured, and its new entry. */
    public record Submitted(Paper paper, ListingEntry entry) {}

    /** Lookups of papers the store does not know wait in {@code line} for their turn to ask {@code arxiv}. */
    public Submissions(
            Database db,
            PaperService papers,
            ListingService listings,
            ArxivLookup arxiv,
            LookupQueue line,
            ModerationLog moderation,
            Clock clock) {
        this.db = db;
        this.papers = papers;
        this.listings = listings;
        this.arxiv = arxiv;
        this.line = line;
        this.moderation = moderation;
        this.clock = clock;
    }

    /**
     * Features {@code id} today, submitted by {@code member}. A paper the store knows is not
     * fetched again: its metadata follows imports and harvests, and arXiv asks for few requests.
     *
     * @throws SubmissionRefused when it is featured already or arXiv cannot say what it is
     */
    public Submitted submit(Member member, ArxivId id) {
        Optional<Paper> known = papers.find(id.id());
        known.ifPresent(p -> latestEntry(listings.forPaper(p.id())).ifPresent(e -> {
            throw alreadyFeatured(p, e);
        }));
        // A lookup of the same new paper under way on this node is this one's too, until its
        // submission is stored (later ones find the paper in the store): arXiv is asked once.
        CompletableFuture<Paper> mine = new CompletableFuture<>();
        CompletableFuture<Paper> running = known.isPresent() ? null : lookups.putIfAbsent(id.id(), mine);
        try {
            Paper paper = known.orElseGet(() -> running == null ? lead(mine, member, id) : follow(running, member, id));
            ListingEntry entry = new ListingEntry(
                    paper.id(), today(), member.name(), 0, ListingEntry.SUBMISSION, paper.version(), null);
            db.useTransaction(h -> {
                // Members submitting the paper at once (on any node) take turns from here, and each
                // asks again whether it is featured: the first one features it, the others are told who did.
                KeyLocks.hold(h, FEATURE_LOCK + paper.id());
                latestEntry(listings.forPaper(h, paper.id())).ifPresent(e -> {
                    throw alreadyFeatured(paper, e);
                });
                if (known.isEmpty()) {
                    papers.store(h, List.of(paper));
                }
                // The store's key (paper, day) holds even for a writer that skipped the lock.
                listings.storeIfAbsent(h, entry).ifPresent(e -> {
                    throw alreadyFeatured(paper, e);
                });
            });
            return new Submitted(paper, entry);
        } finally {
            lookups.remove(id.id(), mine);
        }
    }

    /**
     * Features {@code id} again today for {@code curator}, when arXiv has a newer version than the
     * one last featured: the store's version first, else arXiv is asked for the latest one.
     * Logged for moderation in the same transaction.
     */
    public Submitted featureAgain(Member curator, ArxivId id) {
        Paper stored = papers.find(id.id()).orElse(null);
        ListingEntry last = latestEntry(listings.forPaper(id.id())).orElse(null);
        if (stored == null || last == null) {
            throw new SubmissionRefused(
                    SubmissionRefused.Reason.NEVER_FEATURED,
                    id.id() + " has not been featured yet, so there is nothing to feature again: submit it instead",
                    stored,
                    null);
        }
        LocalDate today = today();
        if (!last.day().isBefore(today)) {
            throw alreadyFeatured(stored, last);
        }
        int featuredVersion = featuredVersion(last, stored);
        Paper current = isNewer(stored, featuredVersion) ? stored : fetch(curator, id);
        if (!isNewer(current, featuredVersion)) {
            throw new SubmissionRefused(
                    SubmissionRefused.Reason.NO_NEW_VERSION,
                    id.id() + " has no version newer than the one "
                            + "featured on " + last.day() + " (" + describe(featuredVersion) + "; arXiv's latest is "
                            + describe(current.version()) + "): a paper is featured again only for a new version",
                    current,
                    last);
        }
        ListingEntry entry = new ListingEntry(
                current.id(), today, curator.name(), 0, ListingEntry.SUBMISSION, current.version(), last.day());
        db.useTransaction(h -> {
            // Two curators featuring it again at once: one does, the other is told who did.
            KeyLocks.hold(h, FEATURE_LOCK + current.id());
            latestEntry(listings.forPaper(h, current.id()))
                    .filter(e -> !e.day().isBefore(today))
                    .ifPresent(e -> {
                        throw alreadyFeatured(current, e);
                    });
            if (current != stored) {
                papers.store(h, List.of(current));
            }
            listings.storeIfAbsent(h, entry).ifPresent(e -> {
                throw alreadyFeatured(current, e);
            });
            moderation.record(
                    h,
                    curator,
                    FEATURE_AGAIN,
                    "listing",
                    entry.key(),
                    "v" + current.version() + "; "
                            + (featuredVersion == 0 ? "an earlier version" : "v" + featuredVersion)
                            + " was featured on " + last.day());
        });
        return new Submitted(current, entry);
    }

    /**
     * Whether a curator may feature {@code paper} again now, given its shown listing entries
     * ({@link ListingService#forPaper}, which the paper page reads anyway): it was featured before
     * today and its version is newer than the one last featured (what {@code featureAgain} checks).
     */
    public boolean canFeatureAgain(Paper paper, List<ListingEntry> entries) {
        Optional<ListingEntry> last = latestEntry(entries);
        return last.isPresent()
                && last.get().day().isBefore(today())
                && isNewer(paper, featuredVersion(last.get(), paper));
    }

    /**
     * The version an entry featured: as recorded, else the latest version arXiv had on that day
     * by the paper's version dates, else 0 (unknown).
     */
    static int featuredVersion(ListingEntry entry, Paper paper) {
        if (entry.featuredVersion() > 0) {
            return entry.featuredVersion();
        }
        return paper.versions().stream()
                .filter(v -> !v.created().atOffset(ZoneOffset.UTC).toLocalDate().isAfter(entry.day()))
                .mapToInt(PaperVersion::number)
                .max()
                .orElse(0);
    }

    // With the featured version unknown, only a v2 or later can be new.
    private static boolean isNewer(Paper paper, int featuredVersion) {
        return paper.version() > Math.max(featuredVersion, 1);
    }

    /** The line for arXiv now: how many lookups wait, and when a new one would start. */
    public LookupQueue.Wait arxivLine() {
        return line.now();
    }

    // Asks the store again first: a submission that led the same lookup may have stored it since.
    private Paper lead(CompletableFuture<Paper> lookup, Member member, ArxivId id) {
        try {
            Paper paper = papers.find(id.id()).orElseGet(() -> fetch(member, id));
            lookup.complete(paper);
            return paper;
        } catch (RuntimeException e) {
            lookup.completeExceptionally(e);
            throw e;
        }
    }

    // Another member's lookup answers for this one, unless it could not even take its place in
    // line (that member's or the line's limit): then this member asks in their own turn.
    private Paper follow(CompletableFuture<Paper> lookup, Member member, ArxivId id) {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SubmissionRefused refused
                    && refused.reason().beforeArxiv()) {
                return fetch(member, id);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Paper fetch(Member member, ArxivId id) {
        try {
            return line.run(member.name(), () -> arxiv.find(id))
                    .orElseThrow(() -> new SubmissionRefused(
                            SubmissionRefused.Reason.NOT_ON_ARXIV,
                            "arXiv has no paper " + id.id() + ": check the id (nothing was stored)",
                            null,
                            null));
        } catch (ArxivLookup.Unavailable e) {
            throw new SubmissionRefused(
                    SubmissionRefused.Reason.ARXIV_UNAVAILABLE,
                    "arXiv could not be asked about " + id.id() + " (" + e.getMessage()
                            + "); nothing was stored: try again in a few minutes",
                    null,
                    null);
        }
    }

    private static Optional<ListingEntry> latestEntry(List<ListingEntry> entries) {
        return entries.stream().max(Comparator.comparing(ListingEntry::day));
    }

    private static SubmissionRefused alreadyFeatured(Paper paper, ListingEntry entry) {
        return new SubmissionRefused(
                SubmissionRefused.Reason.ALREADY_FEATURED,
                paper.id() + " is already featured: on " + entry.day()
                        + (entry.submittedBy() == null ? "" : ", submitted by " + entry.submittedBy()),
                paper,
                entry);
    }

    private static String describe(int version) {
        return version == 0 ? "version unknown" : "v" + version;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
