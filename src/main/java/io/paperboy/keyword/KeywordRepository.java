package io.paperboy.keyword;

import io.paperboy.jobs.JobLease;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the paper_keywords and keyword_cursor tables. */
final class KeywordRepository {
    private static final String SEPARATOR = "\n";

    long cursor(Handle h, String method) {
        return h.createQuery("SELECT applied_seq FROM keyword_cursor WHERE method = :method")
                .bind("method", method)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    /** The lease of each method's job (one node ranks phrases at a time), in its cursor's row. */
    final JobLease lease = new JobLease("keyword_cursor", "method", List.of("applied_seq"));

    /**
     * Moves the cursor to {@code seq} and renews the lease to {@code until} while the job is still
     * held under {@code token}; false (nothing changed) when another node took it over.
     */
    boolean advance(Handle h, String method, String token, long seq, long until) {
        return h.createUpdate("""
                        UPDATE keyword_cursor SET applied_seq = :seq, lease_until = :until
                        WHERE method = :method AND holder = :token""")
                        .bind("seq", seq)
                        .bind("until", until)
                        .bind("method", method)
                        .bind("token", token)
                        .execute()
                == 1;
    }

    void upsert(Handle h, List<PaperKeywords> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO paper_keywords (paper_id, keywords, method, change_seq)
                VALUES (:paper, :keywords, :method, :seq)
                ON CONFLICT (paper_id) DO UPDATE SET keywords = excluded.keywords, method = excluded.method,
                    change_seq = excluded.change_seq""");
        for (PaperKeywords row : rows) {
            batch.bind("paper", row.paperId())
                    .bind("keywords", String.join(SEPARATOR, row.keywords()))
                    .bind("method", row.method())
                    .bind("seq", row.changeSeq())
                    .add();
        }
        batch.execute();
    }

    /** The stored phrases of the papers among {@code ids} that have some, by paper id. */
    Map<String, List<String>> listFor(Handle h, Collection<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT paper_id, keywords FROM paper_keywords WHERE paper_id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getString("keywords")))
                .forEach(e -> out.put(
                        e.getKey(),
                        e.getValue().isEmpty()
                                ? List.of()
                                : List.of(e.getValue().split(SEPARATOR))));
        return out;
    }

    /** The papers among {@code ids} whose phrases were ranked by {@code method}. */
    java.util.Set<String> withMethod(Handle h, Collection<String> ids, String method) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(
                h.createQuery("SELECT paper_id FROM paper_keywords WHERE paper_id IN (<ids>) AND method = :method")
                        .bindList("ids", List.copyOf(ids))
                        .bind("method", method)
                        .mapTo(String.class)
                        .list());
    }

    long cursorSum(Handle h) {
        return h.createQuery("SELECT COALESCE(SUM(applied_seq), 0) FROM keyword_cursor")
                .mapTo(Long.class)
                .one();
    }

    long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM paper_keywords")
                .mapTo(Long.class)
                .one();
    }
}
