package io.paperboy.search;

import io.paperboy.jobs.BackgroundLoop;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the search index caught up with the store by reading papers in change order from the
 * index's last applied change number. It polls, so it sees writes made by any process or cluster
 * node on the same store, and it resumes after a crash from the index's last commit. It indexes
 * text first, so a new paper is keyword-searchable as soon as it is read; then the embeddings
 * the site's {@link EmbeddingWorker} stored (on whichever node), in the order they were stored,
 * each given to the paper's document when the index holds the version it was computed from.
 */
public final class IndexFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    /**
     * Papers read and added per page. Pages are added without a refresh; the searcher is
     * refreshed by each commit (after every catch-up, and while catching up a large backlog every
     * {@value #COMMIT_EVERY_PAPERS} papers). A refresh per page of 500 was a third of a rebuild.
     */
    static final int PAGE_SIZE = 2000;
    /** Commit at least this often while catching up a large backlog, so a crash repeats little. */
    private static final int COMMIT_EVERY_PAPERS = 50_000;

    /** Stored embeddings read per page. */
    static final int VECTOR_PAGE = 256;

    private final PaperService papers;
    private final SearchIndex index;
    private final EmbeddingStore vectors;
    private final AtomicLong applied = new AtomicLong();
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(10));

    /** A follower of the papers' text only. */
    public IndexFollower(PaperService papers, SearchIndex index) {
        this(papers, index, null);
    }

    /** A follower of the papers' text and of the embeddings stored in {@code vectors} (null: none). */
    public IndexFollower(PaperService papers, SearchIndex index, EmbeddingStore vectors) {
        this.papers = papers;
        this.index = index;
        this.vectors = vectors;
    }

    /**
     * Applies every change after the index's last one and commits, which makes them searchable;
     * returns how many papers it applied. Safe to call from several threads (calls run one at a time).
     */
    public synchronized int catchUp() {
        long started = System.nanoTime();
        long reading = 0;
        int total = 0;
        int sinceCommit = 0;
        List<Paper> page;
        while (true) {
            long read = System.nanoTime();
            page = papers.changedSince(index.appliedSeq(), PAGE_SIZE);
            reading += System.nanoTime() - read;
            if (page.isEmpty()) {
                break;
            }
            apply(page);
            total += page.size();
            sinceCommit += page.size();
            applied.addAndGet(page.size());
            if (sinceCommit >= COMMIT_EVERY_PAPERS) {
                index.commit();
                sinceCommit = 0;
            }
        }
        int attached = vectors == null ? 0 : applyVectors();
        long committing = System.nanoTime();
        if (total > 0 || attached > 0) {
            // Searchable first, durable next: a crash before the commit re-applies these changes on restart.
            index.publish();
            committing = System.nanoTime();
            index.commit();
        }
        long done = System.nanoTime();
        if (total > 0) {
            LOG.info(
                    "search index: {} papers applied up to change {} and searchable in {} ms (reading the store {} ms), committed {} ms later",
                    total,
                    index.appliedSeq(),
                    (committing - started) / 1_000_000,
                    reading / 1_000_000,
                    (done - committing) / 1_000_000);
        }
        return total;
    }

    /**
     * Reads the stored embeddings past the index's vector cursor, stopping at one computed from a
     * paper version whose text the index has not applied yet (its turn comes after the next text
     * pass); returns how many documents got a vector. A stored vector of a version since replaced
     * is skipped: the newer version's is stored later.
     */
    private int applyVectors() {
        int attached = 0;
        List<EmbeddingStore.Stored> page;
        while (!(page = vectors.since(index.vectorsSeq(), VECTOR_PAGE)).isEmpty()) {
            long textUpTo = index.appliedSeq();
            List<EmbeddingStore.Stored> ready =
                    page.stream().takeWhile(s -> s.paperSeq() <= textUpTo).toList();
            if (ready.isEmpty()) {
                break;
            }
            java.util.Map<String, Paper> current = papers.findAll(
                    ready.stream().map(EmbeddingStore.Stored::paperId).toList());
            List<Paper> same = new java.util.ArrayList<>();
            List<float[]> vectorsOfSame = new java.util.ArrayList<>();
            for (EmbeddingStore.Stored s : ready) {
                Paper p = current.get(s.paperId());
                if (p != null && p.changeSeq() == s.paperSeq()) {
                    same.add(p);
                    vectorsOfSame.add(s.vector());
                }
            }
            attached += index.attachVectors(same, vectorsOfSame, ready.getLast().seq());
            if (ready.size() < page.size()) {
                break;
            }
        }
        return attached;
    }

    // A hidden paper's change (see PaperService.setHidden) removes its document; showing it again
    // is another change, which adds it back.
    private void apply(List<Paper> page) {
        Set<String> hidden = papers.hiddenAmong(page.stream().map(Paper::id).toList());
        List<Paper> shown = hidden.isEmpty()
                ? page
                : page.stream().filter(p -> !hidden.contains(p.id())).toList();
        index.remove(page.stream().filter(p -> hidden.contains(p.id())).toList());
        index.add(shown, null);
    }

    /**
     * Empties the index, applies every paper again and merges the result into one segment (see
     * {@link SearchIndex#mergeSegments}). Until the first commit the previous index stays readable.
     */
    public synchronized int rebuild() {
        index.clear();
        int total = catchUp();
        index.mergeSegments();
        return total;
    }

    /** Papers applied so far by this follower (for progress displays). */
    public long applied() {
        return applied.get();
    }

    /** Catches up now, then every {@code intervalMillis} on a background thread until {@link #close}. */
    public void start(long intervalMillis) {
        catchUp();
        // A failed round (the store briefly unavailable) retries from the same change.
        loop.start(
                "index-follower",
                Duration.ofMillis(intervalMillis),
                this::catchUp,
                e -> LOG.warn("search index: catching up from change {} failed", index.appliedSeq(), e));
    }

    @Override
    public void close() {
        loop.close();
    }
}
