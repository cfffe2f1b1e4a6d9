package io.paperboy.webhook;

import io.paperboy.db.Database;
import io.paperboy.digest.DigestService;
import io.paperboy.digest.Interests;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.mail.MailFolder;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.web.SiteUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A store with featured papers (the top ones trending, one by Ada Lovelace in cs.CL), an index
 * following it, and a webhook service whose guard allows local receivers (the operator's option).
 */
final class WebhookFixture implements AutoCloseable {
    static final SiteUrl SITE = new SiteUrl("https://papers.example.org");
    static final int PAPERS = 12;
    static final String ADA = "2612.00099";

    final Database db;
    final SearchIndex index = SearchIndex.inMemory();
    final PaperService papers;
    final ListingService listings;
    final WebhookSender sender = new WebhookSender(new TargetGuard(true), Clock.systemUTC());
    final WebhookService webhooks;

    WebhookFixture(String jdbcUrl, Path mail) {
        db = Database.open(jdbcUrl);
        papers = new PaperService(db);
        listings = new ListingService(db, papers);
        List<Paper> all = new ArrayList<>();
        List<ListingEntry> featured = new ArrayList<>();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < PAPERS; i++) {
            String id = String.format("2612.%05d", i + 1);
            all.add(paper(id, "Paper number " + (i + 1) + " <b>&</b> *things*", "Author " + i, "cs.LG"));
            featured.add(new ListingEntry(id, day, "curator", 100 - i, "test"));
        }
        if (db.withHandle(h -> h.createQuery("SELECT count(*) FROM papers")
                        .mapTo(Integer.class)
                        .one())
                == 0) {
            db.useTransaction(h -> {
                papers.store(h, all);
                listings.store(h, featured);
            });
        }
        new IndexFollower(papers, index).catchUp();
        DigestService digests = new DigestService(
                db, listings, papers, new SearchService(index), new MailFolder(mail, "Paperboy <p@localhost>"), SITE);
        webhooks = new WebhookService(db, digests, listings, sender, sender.guard(), Clock.systemUTC());
    }

    /** Features a paper by Ada Lovelace in cs.CL now (a new listing), indexed. */
    void featureAda() {
        db.useTransaction(h -> {
            papers.store(h, List.of(paper(ADA, "Notes on the analytical engine", "Ada Lovelace", "cs.CL")));
            listings.store(h, List.of(new ListingEntry(ADA, LocalDate.now(ZoneOffset.UTC), "curator", 1, "test")));
        });
        new IndexFollower(papers, index).catchUp();
    }

    /** Adds a destination through the form's parser; fails the test on a problem. */
    WebhookService.Created add(Long owner, String kind, String url, String dailyTop, Interests follows, boolean every) {
        Map<String, String> problems = DestinationInput.problems();
        DestinationInput in = DestinationInput.parse(
                new DestinationInput.Raw(
                        kind,
                        "test " + kind,
                        url,
                        kind.equals("matrix") ? "syt_token_abc" : null,
                        dailyTop,
                        "0",
                        "UTC",
                        every ? "on" : null,
                        String.join("\n", follows.searches()),
                        String.join("\n", follows.authors()),
                        String.join("\n", follows.categories())),
                webhooks.guard(),
                problems);
        if (in == null) {
            throw new AssertionError("destination refused: " + problems);
        }
        return webhooks.add(owner, in);
    }

    private static Paper paper(String id, String title, String author, String category) {
        return Paper.builder(id, title)
                .abstractText("We study " + title + ". " + "Results follow. ".repeat(30))
                .authors(List.of(author, "Second Author"))
                .categories(List.of(category))
                .published(LocalDate.now(ZoneOffset.UTC).minusDays(1))
                .build();
    }

    int count(String sql) {
        return db.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Override
    public void close() throws Exception {
        sender.close();
        index.close();
        db.close();
    }
}
