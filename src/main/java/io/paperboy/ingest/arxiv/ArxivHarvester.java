package io.paperboy.ingest.arxiv;

import io.paperboy.db.Database;
import io.paperboy.listing.AutoFeature;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Harvests an arXiv OAI-PMH set into the store, page by page, each page's papers committed in
 * one transaction with the checkpoint that says what comes next.
 *
 * <p>So a harvest killed at any point resumes with the resumption token of the first page it had
 * not stored, and stores every record once; a harvest started without {@code from} asks only for
 * what changed since the latest datestamp of the last finished one (inclusive, since records can
 * still arrive later on that day; storing them again changes nothing).
 */
public final class ArxivHarvester {
    private final Database db;
    private final PaperService papers;
    private final OaiClient client;
    private final HarvestStates states = new HarvestStates();
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private Consumer<String> log = message -> {};
    private AutoFeature autoFeature = AutoFeature.NONE;
    private ListingService listings;

    /** What to harvest; null dates are left out, {@code restart} drops a harvest in progress. */
    public record Request(String set, LocalDate from, LocalDate until, boolean restart) {
        public Request {
            set = set == null ? "" : set.strip();
        }
    }

    public ArxivHarvester(Database db, PaperService papers, OaiClient client) {
        this.db = db;
        this.papers = papers;
        this.client = client;
    }

    /** Features the harvested papers that {@code rules} match, in the same transaction as each page. */
    public ArxivHarvester autoFeature(AutoFeature rules, ListingService listings) {
        this.autoFeature = rules;
        this.listings = listings;
        return this;
    }

    public ArxivHarvester onMessage(Consumer<String> log) {
        this.log = log;
        client.onMessage(log);
        return this;
    }

    /** Records read so far, for progress. */
    public long recordsRead() {
        return recordsRead.get();
    }

    /** The list size the server announced, or 0 before it did. */
    public long recordsExpected() {
        return expected.get();
    }

    /** Runs the harvest; a {@link HarvestException} leaves the checkpoint of the last stored page. */
    public HarvestReport run(Request request) {
        String endpoint = client.settings().baseUrl().toString();
        try {
            return harvest(endpoint, request);
        } catch (HarvestException e) {
            db.useTransaction(h -> states.saveError(h, endpoint, request.set(), e.getMessage()));
            throw e;
        }
    }

    private HarvestReport harvest(String endpoint, Request request) {
        HarvestState state = db.withHandle(h -> states.find(h, endpoint, request.set()))
                .orElse(HarvestState.fresh(endpoint, request.set()));
        OaiRequest next;
        if (state.inProgress() && !request.restart()) {
            log.accept(endpoint + " set '" + request.set() + "': resuming the harvest interrupted after "
                    + state.recordsDone() + " records"
                    + (request.from() != null || request.until() != null
                            ? " (its dates, not the ones given now: --restart starts over with them)"
                            : ""));
            recordsRead.set(state.recordsDone());
            next = OaiRequest.resume(client.settings().baseUrl(), state.resumptionToken());
        } else {
            LocalDate from = request.from() != null ? request.from() : state.lastDatestamp();
            state = state.start(from, request.until());
            next = OaiRequest.listRecords(client.settings().baseUrl(), request.set(), from, request.until());
        }
        HarvestReport report = new HarvestReport();
        while (next != null) {
            OaiPage page = fetch(next, state);
            state = store(page, state, report);
            next = page.hasMore() ? OaiRequest.resume(client.settings().baseUrl(), page.resumptionToken()) : null;
        }
        report.finished(state.lastDatestamp());
        return report;
    }

    private OaiPage fetch(OaiRequest request, HarvestState state) {
        try {
            return client.fetch(request);
        } catch (OaiErrorException e) {
            if (e.has("badResumptionToken")) {
                // Tokens expire (arXiv's after about a day); the checkpoint keeps the dates to start over.
                throw new HarvestException(
                        e.getMessage() + "; the resumption token is no longer valid, so run "
                                + "again with --restart to start this harvest over (from "
                                + (state.harvestFrom() == null ? "the beginning" : state.harvestFrom()) + ")",
                        e);
            }
            throw e;
        }
    }

    private HarvestState store(OaiPage page, HarvestState state, HarvestReport report) {
        HarvestState after = state.after(page);
        db.useTransaction(h -> {
            PaperService.StoreResult stored = papers.store(h, page.papers());
            if (listings != null) {
                report.featured(listings.store(h, autoFeature.entriesFor(page.papers(), page.datestamps())));
            }
            states.save(h, after, !after.inProgress());
            report.page(page, stored.inserted(), stored.updated(), stored.unchanged());
        });
        if (page.completeListSize() > 0) {
            expected.set(page.completeListSize());
        }
        recordsRead.addAndGet(page.records());
        page.problems().forEach(p -> log.accept(p.toString()));
        return after;
    }
}
