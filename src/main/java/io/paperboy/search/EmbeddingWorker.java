package io.paperboy.search;

import io.paperboy.jobs.BackgroundLoop;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's embedding job: computes each paper's embedding once for the whole site and keeps it
 * in the store ({@link EmbeddingStore}), where every node's {@link IndexFollower} reads it into
 * its index. Every node runs this worker; one at a time holds the job (a lease in the store,
 * renewed with every batch, taken over by another node once its holder stops renewing), reads the
 * papers in change order from the job's cursor, and stores a batch's vectors with the moved
 * cursor in one transaction, fenced by its claim. A kill repeats at most one batch, on any node.
 *
 * <p>The model runs only for text it has not embedded: a paper changed without a change to its
 * text (hidden and shown again) gets its stored vector again under its new change number, and a
 * vector the local index already holds for that exact version (an index built by an earlier
 * release, which embedded on every node) is taken from there.
 */
public final class EmbeddingWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingWorker.class);
    /**
     * Papers per batch: one store read and one store write each, so a kill repeats at most this
     * many embeddings (a few seconds of work); the model embeds the texts one by one either way.
     */
    static final int BATCH = 32;
    /** How long the job stays with a node that stopped renewing: a few batches' time. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final Duration LOG_EVERY = Duration.ofSeconds(30);
    /** Pending papers are counted up to this many (the count walks the change_seq index). */
    private static final int PENDING_CAP = 10_000_000;

    private final PaperService papers;
    private final EmbeddingStore store;
    private final SearchIndex index;
    private final Embedder embedder;
    private final String node;
    private final String token = UUID.randomUUID().toString();
    private final AtomicLong embedded = new AtomicLong();
    private final AtomicLong modelRuns = new AtomicLong();
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofMinutes(1));
    private volatile double papersPerSecond;

    /**
     * A worker for {@code node} (its name in the store) storing {@code embedder}'s vectors; {@code
     * index} (may be null) is this node's index, whose vectors of current versions are reused.
     */
    public EmbeddingWorker(
            PaperService papers, EmbeddingStore store, SearchIndex index, Embedder embedder, String node) {
        this.papers = papers;
        this.store = store;
        this.index = index;
        this.embedder = embedder;
        this.node = node;
    }

    /**
     * Takes the job unless another node holds it, then stores the embeddings of every paper past
     * its cursor, batch by batch; returns how many papers it stored (0 when another node has the
     * job). Stops early when {@link #close}d or when the job was taken over.
     */
    public synchronized int embedPending() {
        // Idle, the job is not claimed: a claim is a write, and this runs every second on every node.
        if (pending(1) == 0
                || !store.claim(token, node, Instant.now(), Instant.now().plus(LEASE))) {
            return 0;
        }
        int total = 0;
        long start = System.nanoTime();
        long lastLog = start;
        int loggedTotal = 0;
        try {
            List<Paper> batch;
            while (!loop.stopped() && !(batch = papers.changedSince(cursor(), BATCH)).isEmpty()) {
                List<EmbeddingStore.Computed> computed = compute(batch);
                double rate = (total + batch.size()) / Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                if (!store.store(
                        token,
                        computed,
                        batch.getLast().changeSeq(),
                        Instant.now().plus(LEASE),
                        node,
                        rate)) {
                    LOG.warn("embeddings: another node took the job over (this node's lease of {} ran out)", LEASE);
                    break;
                }
                total += batch.size();
                embedded.addAndGet(batch.size());
                papersPerSecond = rate;
                long now = System.nanoTime();
                if (now - lastLog >= LOG_EVERY.toNanos()) {
                    lastLog = now;
                    loggedTotal = total;
                    logProgress(total);
                }
            }
        } catch (RuntimeException e) {
            store.recordError(token, e.toString());
            throw e;
        }
        if (total > loggedTotal) {
            logProgress(total);
        }
        return total;
    }

    private long cursor() {
        return store.state().map(EmbeddingStore.State::papersSeq).orElse(0L);
    }

    // The stored vector when the text is unchanged, else this index's vector of this version, else the model's.
    private List<EmbeddingStore.Computed> compute(List<Paper> batch) {
        Map<String, EmbeddingStore.Previous> previous =
                store.find(batch.stream().map(Paper::id).toList());
        float[][] vectors = new float[batch.size()][];
        String[] shas = new String[batch.size()];
        List<Integer> toEmbed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Paper p = batch.get(i);
            shas[i] = sha256(Embedder.textOf(p));
            EmbeddingStore.Previous stored = previous.get(p.id());
            vectors[i] = stored != null && stored.textSha().equals(shas[i])
                    ? stored.vector()
                    : index == null ? null : index.vectorOf(p);
            if (vectors[i] == null) {
                toEmbed.add(i);
            }
        }
        if (!toEmbed.isEmpty()) {
            List<float[]> fresh =
                    embedder.embedPapers(toEmbed.stream().map(batch::get).toList());
            modelRuns.addAndGet(toEmbed.size());
            for (int k = 0; k < toEmbed.size(); k++) {
                vectors[toEmbed.get(k)] = fresh.get(k);
            }
        }
        List<EmbeddingStore.Computed> computed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            computed.add(
                    new EmbeddingStore.Computed(batch.get(i).id(), batch.get(i).changeSeq(), shas[i], vectors[i]));
        }
        return computed;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void logProgress(int total) {
        long pending = pending();
        double rate = papersPerSecond;
        String eta = pending == 0 || rate <= 0
                ? "done"
                : "about "
                        + Duration.ofSeconds((long) (pending / rate))
                                .toString()
                                .substring(2)
                                .toLowerCase(Locale.ROOT) + " left";
        LOG.info(String.format(
                Locale.ROOT,
                "embeddings: %,d papers embedded in this run, %.1f papers/s, %,d pending (%s)",
                total,
                rate,
                pending,
                eta));
    }

    public static int batchSize() {
        return BATCH;
    }

    /** Papers the site has yet to embed (past the job's cursor). */
    public long pending() {
        return pending(PENDING_CAP);
    }

    private long pending(int cap) {
        return papers.countChangedSince(cursor(), cap);
    }

    /** Papers this worker stored embeddings for so far (for progress displays). */
    public long embedded() {
        return embedded.get();
    }

    /** Papers this worker ran the model for (the others reused a vector): what a node spent. */
    public long modelRuns() {
        return modelRuns.get();
    }

    /** Embedding speed of the latest run, papers per second (0 before the first batch). */
    public double papersPerSecond() {
        return papersPerSecond;
    }

    /** Embeds what is pending now, then every {@code intervalMillis} on a background thread, until {@link #close}. */
    public void start(long intervalMillis) {
        // A failed round (the store briefly unavailable) resumes from the stored cursor.
        loop.start(
                "embedding-worker",
                Duration.ofMillis(intervalMillis),
                this::embedPending,
                e -> LOG.warn("embeddings: a batch failed; the next round resumes from the stored cursor", e));
    }

    /** Stops after the batch in progress (waiting for it up to a minute) and gives the job back. */
    @Override
    public void close() {
        loop.close();
        try {
            store.release(token);
        } catch (RuntimeException e) {
            LOG.warn(
                    "embeddings: could not give the job back ({}); another node takes it when the lease ends",
                    e.getMessage());
        }
    }
}
