package io.paperboy.search;

import io.paperboy.db.Database;
import io.paperboy.jobs.JobLease;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The site's embeddings in the store (paper_embeddings) and the state of the one job that computes
 * them (embedding_state, one row per model): its cursor over the papers' change sequence, the
 * sequence its stored vectors are read in, and the lease of the node embedding now.
 */
public final class EmbeddingStore {
    /** A stored vector: for the paper's version {@code paperSeq}, the {@code seq}-th stored. */
    public record Stored(String paperId, long paperSeq, long seq, float[] vector) {}

    /** One paper's embedding to store: its version, the hash of the text embedded, the vector. */
    record Computed(String paperId, long paperSeq, String textSha, float[] vector) {}

    /** The job's state: papers embedded up to {@code papersSeq}; who holds it until when; the last failure. */
    public record State(
            long papersSeq, long lastSeq, String holderNode, Instant leaseUntil, double rate, String lastError) {}

    /** What is stored for a paper: the hash of the text embedded, and the vector. */
    record Previous(String textSha, float[] vector) {}

    /** The job's lease, in its model's row of embedding_state. */
    private static final JobLease LEASE = new JobLease("embedding_state", "model", List.of("papers_seq", "last_seq"));

    private final Database db;
    private final String model;

    public EmbeddingStore(Database db, String model) {
        this.db = db;
        this.model = model;
    }

    public String model() {
        return model;
    }

    /**
     * Takes the job for {@code node} under a new {@code token} until {@code leaseUntil}, when nobody
     * holds it, its lease lapsed, or this node held it before (a restart); false when another node has it.
     */
    boolean claim(String token, String node, Instant now, Instant leaseUntil) {
        return db.inTransaction(h -> LEASE.claim(h, model, token, node, now.toEpochMilli(), leaseUntil.toEpochMilli()));
    }

    /** Gives the job back (this node stops), when it still holds it under {@code token}. */
    void release(String token) {
        db.useTransaction(h -> LEASE.release(h, model, token));
    }

    /** Records why a batch failed, for the operator page; the job tries again from its cursor. */
    void recordError(String token, String error) {
        db.withHandle(h -> h.createUpdate(
                        "UPDATE embedding_state SET last_error = :error WHERE model = :model AND holder = :token")
                .bind("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .bind("model", model)
                .bind("token", token)
                .execute());
    }

    public Optional<State> state() {
        return db.withHandle(h -> h.createQuery(
                        "SELECT papers_seq, last_seq, holder_node, lease_until, rate, last_error "
                                + "FROM embedding_state WHERE model = :model")
                .bind("model", model)
                .map((rs, ctx) -> {
                    long until = rs.getLong("lease_until");
                    Instant lease = rs.wasNull() ? null : Instant.ofEpochMilli(until);
                    return new State(
                            rs.getLong("papers_seq"),
                            rs.getLong("last_seq"),
                            rs.getString("holder_node"),
                            lease,
                            rs.getDouble("rate"),
                            rs.getString("last_error"));
                })
                .findOne());
    }

    /** What is stored for these papers, by id. */
    Map<String, Previous> find(Collection<String> paperIds) {
        Map<String, Previous> found = new HashMap<>();
        if (paperIds.isEmpty()) {
            return found;
        }
        db.withHandle(h -> {
            h.createQuery(
                            "SELECT paper_id, text_sha, vector FROM paper_embeddings WHERE model = :model AND paper_id IN (<ids>)")
                    .bind("model", model)
                    .bindList("ids", List.copyOf(paperIds))
                    .map((rs, ctx) -> Map.entry(
                            rs.getString("paper_id"),
                            new Previous(rs.getString("text_sha"), floats(rs.getBytes("vector")))))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
            return null;
        });
        return found;
    }

    /**
     * The stored vector of each paper among {@code papers} that was computed from its current text
     * (title and abstract as {@link Embedder} embeds them) by this store's model: what
     * {@link Embedder#embedPapers} would give, without running the model. Papers not embedded yet,
     * or edited since, are left out.
     */
    public Map<String, float[]> vectorsOfCurrentText(Collection<io.paperboy.paper.Paper> papers) {
        Map<String, Previous> stored =
                find(papers.stream().map(io.paperboy.paper.Paper::id).toList());
        Map<String, float[]> current = new HashMap<>();
        for (io.paperboy.paper.Paper p : papers) {
            Previous previous = stored.get(p.id());
            if (previous != null && previous.textSha().equals(EmbeddingWorker.sha256(Embedder.textOf(p)))) {
                current.put(p.id(), previous.vector());
            }
        }
        return current;
    }

    /**
     * Stores a batch's embeddings and moves the cursor to {@code papersUpTo}, renewing the lease
     * to {@code leaseUntil}, in one transaction; false (nothing stored) when {@code token} no
     * longer holds the job. The state row's update takes its row lock first, so batches commit
     * in the order of their seq numbers.
     */
    boolean store(String token, List<Computed> batch, long papersUpTo, Instant leaseUntil, String node, double rate) {
        return db.inTransaction(h -> {
            Optional<Long> last = h.createQuery("UPDATE embedding_state SET last_seq = last_seq + :n, "
                            + "papers_seq = :upTo, lease_until = :until, rate = :rate, last_error = NULL "
                            + "WHERE model = :model AND holder = :token RETURNING last_seq")
                    .bind("n", batch.size())
                    .bind("upTo", papersUpTo)
                    .bind("until", leaseUntil.toEpochMilli())
                    .bind("rate", rate)
                    .bind("model", model)
                    .bind("token", token)
                    .mapTo(Long.class)
                    .findOne();
            if (last.isEmpty()) {
                return false;
            }
            upsert(h, batch, last.get() - batch.size() + 1, node);
            return true;
        });
    }

    private void upsert(Handle h, List<Computed> batch, long firstSeq, String node) {
        if (batch.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("INSERT INTO paper_embeddings "
                + "(paper_id, paper_seq, seq, model, text_sha, vector, embedded_at, embedded_by) "
                + "VALUES (:id, :paperSeq, :seq, :model, :sha, :vector, :at, :node) "
                + "ON CONFLICT (paper_id) DO UPDATE SET paper_seq = excluded.paper_seq, seq = excluded.seq, "
                + "model = excluded.model, text_sha = excluded.text_sha, vector = excluded.vector, "
                + "embedded_at = excluded.embedded_at, embedded_by = excluded.embedded_by");
        String at = Instant.now().toString();
        long seq = firstSeq;
        for (Computed c : batch) {
            insert.bind("id", c.paperId())
                    .bind("paperSeq", c.paperSeq())
                    .bind("seq", seq++)
                    .bind("model", model)
                    .bind("sha", c.textSha())
                    .bind("vector", bytes(c.vector()))
                    .bind("at", at)
                    .bind("node", node)
                    .add();
        }
        insert.execute();
    }

    /** Up to {@code limit} stored vectors after {@code seq}, in the order they were stored. */
    public List<Stored> since(long seq, int limit) {
        return db.withHandle(h -> h.createQuery("SELECT paper_id, paper_seq, seq, vector FROM paper_embeddings "
                        + "WHERE model = :model AND seq > :seq ORDER BY seq LIMIT :limit")
                .bind("model", model)
                .bind("seq", seq)
                .bind("limit", limit)
                .map((rs, ctx) -> new Stored(
                        rs.getString("paper_id"),
                        rs.getLong("paper_seq"),
                        rs.getLong("seq"),
                        floats(rs.getBytes("vector"))))
                .list());
    }

    /** Stored vectors after {@code seq}, counted up to {@code cap}: how far an index is behind. */
    public long countSince(long seq, int cap) {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT 1 FROM paper_embeddings "
                        + "WHERE model = :model AND seq > :seq LIMIT :cap) AS behind")
                .bind("model", model)
                .bind("seq", seq)
                .bind("cap", cap)
                .mapTo(Long.class)
                .one());
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
