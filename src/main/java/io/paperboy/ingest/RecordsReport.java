package io.paperboy.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import or a harvest made of the records it read: how many it read, stored new, updated,
 * found unchanged and rejected, and the first {@value #MAX_PROBLEMS_KEPT} problems ({@code P})
 * behind the rejections.
 */
public abstract class RecordsReport<P> {
    /** Problems kept for the report; a file of a million bad lines is counted, not listed. */
    public static final int MAX_PROBLEMS_KEPT = 1000;

    private long records;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;
    private final List<P> problems = new ArrayList<>();

    protected void read(long recordsNow, long insertedNow, long updatedNow, long unchangedNow) {
        records += recordsNow;
        inserted += insertedNow;
        updated += updatedNow;
        unchanged += unchangedNow;
    }

    protected void rejected(P problem) {
        rejected++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(problem);
        }
    }

    /** Rejections an earlier, interrupted run counted, whose problems are not at hand. */
    protected void rejectedEarlier(long count) {
        rejected += count;
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

    public long rejected() {
        return rejected;
    }

    /** The first problems (at most {@value #MAX_PROBLEMS_KEPT}); {@link #rejected} counts them all. */
    public List<P> problems() {
        return List.copyOf(problems);
    }

    /** True when every record read was stored (or, in a harvest, was a deletion). */
    public boolean success() {
        return rejected == 0;
    }
}
