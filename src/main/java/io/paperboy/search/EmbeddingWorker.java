package io.paperboy.search;

import io.paperboy.jobs.BackgroundLoop;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds papers in the background, after the {@link IndexFollower} has made their text
 * searchable: it reads the store in change order from the index's embedding cursor
 * ({@link SearchIndex#embeddedSeq()}), never past the text already applied, embeds a batch and
 * gives those documents their vectors. Each batch is committed with the cursor, so a restart
 * after a crash or kill repeats at most one batch; a paper edited meanwhile is embedded again in
 * its new version, since its new change number lies past the cursor.
 */
public final class EmbeddingWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingWorker.class);
    /**
     * Papers per batch: one store read and one index commit each, so a kill repeats at most this
     * many embeddings (a few seconds of work); the model embeds the texts one by one either way.
     */
    static final int BATCH = 32;
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);
    /** A run that embedded at least this many papers and half the index ends by merging it into one segment. */
    private static final int MERGE_AFTER_PAPERS = 1000;

    private final PaperService papers;
    private final SearchIndex index;
    private final Embedder embedder;
    private final AtomicLong embedded = new AtomicLong();
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofMinutes(1));
    private volatile double papersPerSecond;

    public EmbeddingWorker(PaperService papers, SearchIndex index, Embedder embedder) {
        this.papers = papers;
        this.index = index;
        this.embedder = embedder;
    }

    /**
     * Embeds every paper whose text the index holds and whose embedding it lacks, batch by batch,
     * committing after each; returns how many it embedded. Stops early when {@link #close}d.
     */
    public synchronized int embedPending() {
        int total = 0;
        long start = System.nanoTime();
        long lastLog = start;
        int loggedTotal = 0;
        List<Paper> batch;
        while (!loop.stopped() && !(batch = nextBatch()).isEmpty()) {
            index.attachVectors(batch, embedder.embedPapers(batch));
            index.commit();
            total += batch.size();
            embedded.addAndGet(batch.size());
            long now = System.nanoTime();
            papersPerSecond = total / ((now - start) / 1e9);
            if (now - lastLog >= LOG_EVERY.toNanos()) {
                lastLog = now;
                loggedTotal = total;
                logProgress(total);
            }
        }
        if (total > loggedTotal) { // the run's last word, unless the progress line just said it
            logProgress(total);
        }
        if (total >= MERGE_AFTER_PAPERS && total >= index.size() / 2) {
            // Most documents were rewritten with their vectors, leaving the index in many segments.
            index.mergeSegments();
        }
        return total;
    }

    /** The next papers past the cursor whose text is already in the index, oldest change first. */
    private List<Paper> nextBatch() {
        long textUpTo = index.appliedSeq();
        return papers.changedSince(index.embeddedSeq(), BATCH).stream()
                .filter(p -> p.changeSeq() <= textUpTo)
                .toList();
    }

    private void logProgress(int total) {
        long pending = pending();
        double rate = papersPerSecond;
        String eta = pending == 0 || rate <= 0 ? "done" : "about " + Duration.ofSeconds((long) (pending / rate))
                .toString().substring(2).toLowerCase(Locale.ROOT) + " left";
        LOG.info(String.format(Locale.ROOT, "embeddings: %,d papers embedded in this run, %.1f papers/s, %,d pending (%s)",
                total, rate, pending, eta));
    }

    public static int batchSize() {
        return BATCH;
    }

    /** Papers in the index without an embedding yet. */
    public long pending() {
        return index.countWithoutVector();
    }

    /** Papers embedded so far by this worker (for progress displays). */
    public long embedded() {
        return embedded.get();
    }

    /** Embedding speed of the latest run, papers per second (0 before the first batch). */
    public double papersPerSecond() {
        return papersPerSecond;
    }

    /** Embeds what is pending now, then every {@code intervalMillis} on a background thread, until {@link #close}. */
    public void start(long intervalMillis) {
        // A failed round (the store briefly unavailable) resumes from the committed cursor.
        loop.start("embedding-worker", Duration.ofMillis(intervalMillis), this::embedPending,
                e -> LOG.warn("embeddings: embedding from change {} failed", index.embeddedSeq(), e));
    }

    /** Stops after the batch in progress (waiting for it up to a minute). */
    @Override
    public void close() {
        loop.close();
    }
}
