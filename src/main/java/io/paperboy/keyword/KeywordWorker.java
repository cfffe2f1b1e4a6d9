package io.paperboy.keyword;

import io.paperboy.db.Database;
import io.paperboy.jobs.BackgroundLoop;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes every paper's key phrases in the background, following the store's change sequence
 * from a cursor kept in the store (one per ranking method): each batch's phrases and the advanced
 * cursor commit in one transaction, so a kill repeats at most one batch and a re-run changes
 * nothing. A paper edited later has a new change number past the cursor and is done again.
 * With an embedder the phrases are ranked by meaning ({@link EmbeddingKeyphrases}: against the
 * paper's vector as the embedding worker stored it, when it is stored for the paper's current
 * text, so only the candidate phrases are embedded), otherwise statistically ({@link Keyphrases}).
 */
public final class KeywordWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeywordWorker.class);
    /** Phrases kept per paper; pages show fewer. */
    public static final int KEPT = 8;

    static final int BATCH = 32;
    static final String EMBEDDING = "embedding";
    /** Phrases a source gave on import (Hugging Face's ai_keywords): kept, never recomputed. */
    static final String SOURCE = "source";

    static final String STATISTICAL = "statistical";
    /** How long the job stays with a node that stops renewing it (killed, or cut from the store). */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Database db;
    private final PaperService papers;
    private final EmbeddingKeyphrases ranker;
    private final EmbeddingStore stored;
    private final String method;
    private final String node;
    private final String token = UUID.randomUUID().toString();
    private final KeywordRepository repository = new KeywordRepository();
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofMinutes(1));

    /** A worker for {@code node} (its name in the store); {@code embedder} null: statistical ranking. */
    public KeywordWorker(Database db, PaperService papers, Embedder embedder, String node) {
        this.db = db;
        this.papers = papers;
        this.ranker = embedder == null ? null : new EmbeddingKeyphrases(embedder);
        this.stored = embedder == null ? null : new EmbeddingStore(db, embedder.name());
        this.method = embedder == null ? STATISTICAL : EMBEDDING;
        this.node = node;
    }

    /**
     * Takes the job unless another node holds it, then computes the phrases of every paper past the
     * cursor, batch by batch; returns how many papers (0 when another node has the job). Stops early
     * when {@link #close}d or when the job was taken over.
     */
    public synchronized int computePending() {
        // Idle, the job is not claimed: a claim is a write, and this runs every second on every node.
        if (papers.countChangedSince(db.withHandle(h -> repository.cursor(h, method)), 1) == 0
                || !db.inTransaction(h -> repository.lease.claim(h, method, token, node, now(), leaseEnd()))) {
            return 0;
        }
        int total = 0;
        List<Paper> batch;
        while (!loop.stopped()
                && !(batch = papers.changedSince(db.withHandle(h -> repository.cursor(h, method)), BATCH)).isEmpty()) {
            List<PaperKeywords> rows = new ArrayList<>(batch.size());
            int done = compute(batch, rows);
            long last = cursorAfter(batch, done);
            if (last < 0) {
                break; // stopped before the batch's first change was whole: nothing to record
            }
            if (!db.inTransaction(h -> store(h, rows, last))) {
                LOG.warn("keywords: another node took the job over (this node's lease of {} ran out)", LEASE);
                break;
            }
            total += done;
        }
        if (total > 0) {
            LOG.info("keywords: key phrases of {} papers computed ({})", total, method);
        }
        return total;
    }

    // Adds the phrases of the batch's papers to rows, a paper at a time, so that closing waits for
    // one paper, not a batch (a shutdown has a deadline); returns how many papers were done.
    private int compute(List<Paper> batch, List<PaperKeywords> rows) {
        Set<String> given = db.withHandle(
                h -> repository.withMethod(h, batch.stream().map(Paper::id).toList(), SOURCE));
        Map<String, float[]> vectors = stored == null ? Map.of() : stored.vectorsOfCurrentText(batch);
        int done = 0;
        for (Paper p : batch) {
            if (loop.stopped()) {
                break;
            }
            if (!given.contains(p.id())) {
                rows.add(new PaperKeywords(p.id(), phrases(p, vectors.get(p.id())), method, p.changeSeq()));
            }
            done++;
        }
        return done;
    }

    // The cursor first, fenced by the token: when another node holds the job, nothing is written.
    private boolean store(Handle h, List<PaperKeywords> rows, long last) {
        if (!repository.advance(h, method, token, last, leaseEnd())) {
            return false;
        }
        repository.upsert(h, rows);
        return true;
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static long leaseEnd() {
        return now() + LEASE.toMillis();
    }

    /**
     * The cursor once the first {@code done} papers of {@code batch} are computed: the last change all
     * of whose papers are done (papers of one change number are not split), or -1 when there is none.
     */
    static long cursorAfter(List<Paper> batch, int done) {
        if (done == batch.size()) {
            return batch.get(done - 1).changeSeq();
        }
        long next = batch.get(done).changeSeq();
        for (int i = done - 1; i >= 0; i--) {
            if (batch.get(i).changeSeq() < next) {
                return batch.get(i).changeSeq();
            }
        }
        return -1;
    }

    // paperVector: the paper's stored vector, or null (the ranker embeds the paper itself).
    List<String> phrases(Paper p, float[] paperVector) {
        return ranker != null
                ? ranker.rank(p, paperVector, KEPT)
                : Keyphrases.statistical(p.title(), p.abstractText(), KEPT);
    }

    /** Computes what is pending now, then every {@code intervalMillis} on a background thread, until {@link #close}. */
    public void start(long intervalMillis) {
        loop.start(
                "keyword-worker",
                Duration.ofMillis(intervalMillis),
                this::computePending,
                e -> LOG.warn("keywords: computing key phrases failed; retrying from the stored cursor", e));
    }

    /** Stops after the batch in progress (waiting for it up to a minute) and gives the job back. */
    @Override
    public void close() {
        loop.close();
        try {
            db.useTransaction(h -> repository.lease.release(h, method, token));
        } catch (RuntimeException e) {
            LOG.warn(
                    "keywords: could not give the job back ({}); another node takes it when the lease ends",
                    e.getMessage());
        }
    }
}
