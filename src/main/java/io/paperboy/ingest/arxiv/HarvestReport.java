package io.paperboy.ingest.arxiv;

import io.paperboy.ingest.RecordsReport;
import java.time.LocalDate;

/** What one harvest run did: pages, records, what the store made of them, and the bad records. */
public final class HarvestReport extends RecordsReport<HarvestProblem> {
    private int pages;
    private long deleted;
    private long featured;
    private LocalDate lastDatestamp;

    void page(OaiPage page, int insertedNow, int updatedNow, int unchangedNow) {
        pages++;
        read(page.records(), insertedNow, updatedNow, unchangedNow);
        deleted += page.deleted();
        page.problems().forEach(this::rejected);
    }

    void finished(LocalDate datestamp) {
        this.lastDatestamp = datestamp;
    }

    public int pages() {
        return pages;
    }

    public long deleted() {
        return deleted;
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
                records(),
                pages,
                inserted(),
                updated(),
                unchanged(),
                deleted,
                rejected(),
                featured == 0 ? "" : String.format("; %,d featured by the rules", featured),
                lastDatestamp == null ? "" : "; next run starts from " + lastDatestamp);
    }
}
