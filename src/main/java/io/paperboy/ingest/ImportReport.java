package io.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;

/** What an import did: counts across all inputs, and every problem found. */
public final class ImportReport {
    /** Problems kept for the report; a file of a million bad lines is counted, not listed. */
    public static final int MAX_PROBLEMS_KEPT = 1000;

    private long records;
    private long inserted;
    private long updated;
    private long unchanged;
    private long listingChanges;
    private long rejected;
    private boolean committed = true;
    private final List<Problem> problems = new ArrayList<>();

    void stored(long records, long inserted, long updated, long unchanged, long listingChanges) {
        this.records += records;
        this.inserted += inserted;
        this.updated += updated;
        this.unchanged += unchanged;
        this.listingChanges += listingChanges;
    }

    void rejected(Problem problem) {
        rejected++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(problem);
        }
    }

    void rejectedEarlier(long count) {
        rejected += count;
    }

    void nothingCommitted() {
        committed = false;
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

    public long listingChanges() {
        return listingChanges;
    }

    public long rejected() {
        return rejected;
    }

    public boolean committed() {
        return committed;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean success() {
        return rejected == 0;
    }

    public String summary() {
        String stored = committed
                ? String.format(
                        "%,d records: %,d new papers, %,d updated, %,d unchanged, %,d listing entries stored",
                        records, inserted, updated, unchanged, listingChanges)
                : "nothing stored (--strict)";
        return stored + String.format("; %,d rejected", rejected);
    }
}
