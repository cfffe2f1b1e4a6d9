package io.paperboy.ingest.arxiv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What one harvest run did: pages, records, what the store made of them, and the bad records. */
public final class HarvestReport {
    private static final int MAX_PROBLEMS_KEPT = 1000;

    private final List<HarvestProblem> problems = new ArrayList<>();
    private int pages;
    private long records;
    private long inserted;
    private long updated;
    private long unchanged;
    private long deleted;
    private long rejected;
    private long featured;
    private LocalDate lastDatestamp;

    void page(OaiPage page, int insertedNow, int updatedNow, int unchangedNow) {
        pages++;
        records += page.records();
        inserted += insertedNow;
        updated += updatedNow;
        unchanged += unchangedNow;
        deleted += page.deleted();
        rejected += page.problems().size();
        page.problems().stream()
                .limit(Math.max(0, MAX_PROBLEMS_KEPT - problems.size()))
                .forEach(problems::add);
    }

    void finished(LocalDate datestamp) {
        this.lastDatestamp = datestamp;
    }

    /** True when every record read was stored (or was a deletion). */
    public boolean success() {
        return rejected == 0;
    }

    public int pages() {
        return pages;
    }

    public long records() {
        return records;
    }

    public long inserted() {
        return inserted;
    }

    public long updated() {
        return updated;
    }

    public long unchanged() {
        return unchanged;
    }

    public long deleted() {
        return deleted;
    }

    public long rejected() {
        return rejected;
    }

    /** The first problems (at most 1,000); {@link #rejected} counts them all. */
    public List<HarvestProblem> problems() {
        return List.copyOf(problems);
    }

    /** The datestamp the next incremental harvest starts from, or null if none is known yet. */
    public LocalDate lastDatestamp() {
        return lastDatestamp;
    }

    void featured(int entries) {
        featured += entries;
    }

    /** Listing entries the auto-feature rules added. */
    public long featured() {
        return featured;
    }

    public String summary() {
        return String.format(
                "Harvested %,d records in %,d pages: %,d new, %,d updated, %,d unchanged, %,d deleted, "
                        + "%,d rejected%s%s",
                records,
                pages,
                inserted,
                updated,
                unchanged,
                deleted,
                rejected,
                featured == 0 ? "" : String.format("; %,d featured by the rules", featured),
                lastDatestamp == null ? "" : "; next run starts from " + lastDatestamp);
    }
}
