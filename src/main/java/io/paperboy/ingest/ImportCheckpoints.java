package io.paperboy.ingest;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for import_checkpoints: how far an interrupted import of one input got. */
final class ImportCheckpoints {

    /** Lines of the input already stored, and records rejected among them. */
    record Checkpoint(long linesDone, long rejected) {}

    Optional<Checkpoint> find(Handle handle, String inputKey) {
        return handle.createQuery("SELECT lines_done, rejected FROM import_checkpoints WHERE input_key = :key")
                .bind("key", inputKey)
                .map((rs, ctx) -> new Checkpoint(rs.getLong("lines_done"), rs.getLong("rejected")))
                .findOne();
    }

    void save(Handle handle, String inputKey, String path, Checkpoint checkpoint) {
        handle.createUpdate(
                        "INSERT INTO import_checkpoints (input_key, path, lines_done, rejected, updated_at) "
                                + "VALUES (:key, :path, :lines, :rejected, :now) ON CONFLICT (input_key) DO UPDATE SET "
                                + "lines_done = excluded.lines_done, rejected = excluded.rejected, updated_at = excluded.updated_at")
                .bind("key", inputKey)
                .bind("path", path)
                .bind("lines", checkpoint.linesDone())
                .bind("rejected", checkpoint.rejected())
                .bind("now", Instant.now())
                .execute();
    }

    void delete(Handle handle, String inputKey) {
        handle.createUpdate("DELETE FROM import_checkpoints WHERE input_key = :key")
                .bind("key", inputKey)
                .execute();
    }
}
