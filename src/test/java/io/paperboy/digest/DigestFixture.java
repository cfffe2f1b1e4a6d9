package io.paperboy.digest;

import io.paperboy.db.Database;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.mail.Mailer;
import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.testing.TestStore;
import io.paperboy.web.SiteUrl;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A store holding papers made for digests (two trending, others matching a search, an author, a
 * category, inside or outside the periods), an index following it, and active subscribers.
 * Mondays at 08:30 UTC a daily digest covers Sunday 2026-11-29, a weekly one 2026-11-23 to 29.
 */
final class DigestFixture implements AutoCloseable {
    static final Instant MONDAY = Instant.parse("2026-11-30T08:30:00Z");
    static final Instant CONFIRMED = Instant.parse("2026-11-01T00:00:00Z");
    static final SiteUrl SITE = new SiteUrl("https://papers.example.org");
    static final String TRENDING_TOP = "2611.10001";
    static final String TRENDING_SECOND = "2611.10002";
    static final String SEARCH_HIT = "2611.20001";
    static final String AUTHOR_HIT = "2611.20002";
    static final String CATEGORY_HIT = "2611.20003";
    static final String SEARCH_HIT_EARLIER_IN_WEEK = "2611.20004";
    static final String SEARCH_HIT_LAST_MONTH = "2611.20005";
    static final Interests FOLLOWS =
            new Interests(List.of("protein folding"), List.of("Ada Lovelace"), List.of("cs.CL"));

    final Database db;
    final SearchIndex index = SearchIndex.inMemory();
    final PaperService papers;
    final ListingService listings;
    final SearchService search = new SearchService(index);
    private final SubscriptionRepository subscriptions = new SubscriptionRepository();

    DigestFixture(TestStore store, Path dir) {
        this(store.newDatabaseUrl(dir));
    }

    /** On the store at {@code jdbcUrl}, which a child JVM may open too. */
    DigestFixture(String jdbcUrl) {
        db = Database.open(jdbcUrl);
        papers = new PaperService(db);
        listings = new ListingService(db, papers);
        List<Paper> all = List.of(
                paper(
                        TRENDING_TOP,
                        "Scaling laws for everything",
                        "Grace Hopper",
                        "cs.LG",
                        "2026-11-20",
                        "https://github.com/example/scaling"),
                paper(TRENDING_SECOND, "A second trending paper", "Alan Turing", "cs.AI", "2026-11-19", null),
                paper(
                        SEARCH_HIT,
                        "Protein folding with diffusion models",
                        "Rosalind Franklin",
                        "q-bio.BM",
                        "2026-11-29",
                        null),
                paper(AUTHOR_HIT, "Notes on the analytical engine", "Ada Lovelace", "math.HO", "2026-11-29", null),
                paper(CATEGORY_HIT, "Tokenizers revisited", "Noam Chomsky", "cs.CL", "2026-11-29", null),
                paper(
                        SEARCH_HIT_EARLIER_IN_WEEK,
                        "Protein folding at scale",
                        "Linus Pauling",
                        "q-bio.BM",
                        "2026-11-25",
                        null),
                paper(
                        SEARCH_HIT_LAST_MONTH,
                        "Protein folding, an old result",
                        "Linus Pauling",
                        "q-bio.BM",
                        "2026-10-01",
                        null));
        db.useTransaction(h -> {
            papers.store(h, all);
            listings.store(
                    h,
                    List.of(
                            new ListingEntry(TRENDING_TOP, LocalDate.parse("2026-11-29"), "curator", 40, "test"),
                            new ListingEntry(TRENDING_SECOND, LocalDate.parse("2026-11-28"), "curator", 5, "test")));
        });
        new IndexFollower(papers, index).catchUp();
    }

    DigestService digests(Mailer mailer) {
        return new DigestService(db, listings, papers, search, mailer, SITE);
    }

    /** An active subscription, confirmed at the start of the month; returns its id. */
    long subscriber(String email, Frequency frequency, Interests interests) {
        return subscriber(email, frequency, 8, ZoneOffset.UTC, interests);
    }

    long subscriber(String email, Frequency frequency, int hour, ZoneId zone, Interests interests) {
        SubscriptionInput input = new SubscriptionInput(email, frequency, hour, zone, interests);
        return db.inTransaction(h -> {
            long id = subscriptions.insert(h, email, null, input, null, null, CONFIRMED);
            subscriptions.replaceInterests(h, id, interests);
            subscriptions.activate(h, id, CONFIRMED);
            return id;
        });
    }

    Subscription.Status status(long id) {
        return db.withHandle(h -> subscriptions.findById(h, id)).orElseThrow().status();
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static Paper paper(String id, String title, String author, String category, String published, String code) {
        return Paper.builder(id, title)
                .abstractText(
                        "We study " + title.toLowerCase(java.util.Locale.ROOT) + ". " + "Results follow. ".repeat(30))
                .authors(List.of(author, "Second Author"))
                .categories(List.of(category))
                .published(LocalDate.parse(published))
                .links(code == null ? List.of() : List.of(new ArtifactLink(LinkKind.GITHUB, code)))
                .build();
    }

    @Override
    public void close() {
        index.close();
        db.close();
    }
}
