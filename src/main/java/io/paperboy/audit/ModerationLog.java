package io.paperboy.audit;

import io.paperboy.db.Timestamps;
import io.paperboy.web.Member;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The append-only audit log of moderation. Features record their curator and admin actions in
 * the same transaction as the action itself, so the log never misses one and never lists one
 * that did not happen.
 */
public final class ModerationLog {
    /**
     * Records that {@code actor} did {@code action} ("hide-comment", "unfeature", "set-role", …) to
     * the {@code targetKind} ("comment", "paper", "listing", "user", "claim") called {@code targetId}.
     */
    public void record(Handle h, Member actor, String action, String targetKind, String targetId, String detail) {
        h.createUpdate(
                        "INSERT INTO moderation_log (actor_id, actor_name, action, target_kind, target_id, detail, created_at) "
                                + "VALUES (:actor, :name, :action, :kind, :target, :detail, :at)")
                .bind("actor", actor.id())
                .bind("name", actor.name())
                .bind("action", action)
                .bind("kind", targetKind)
                .bind("target", targetId)
                .bind("detail", detail == null ? "" : detail)
                .bind("at", Timestamps.stamp(Instant.now()))
                .execute();
    }

    /** The newest {@code limit} entries before id {@code before} (Long.MAX_VALUE: the newest). */
    public List<ModerationEntry> page(Handle h, long before, int limit) {
        return h.createQuery("SELECT id, actor_id, actor_name, action, target_kind, target_id, detail, created_at "
                        + "FROM moderation_log WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .bind("before", before)
                .bind("limit", limit)
                .map((rs, ctx) -> new ModerationEntry(
                        rs.getLong("id"),
                        rs.getLong("actor_id"),
                        rs.getString("actor_name"),
                        rs.getString("action"),
                        rs.getString("target_kind"),
                        rs.getString("target_id"),
                        rs.getString("detail"),
                        Instant.parse(rs.getString("created_at"))))
                .list();
    }
}
