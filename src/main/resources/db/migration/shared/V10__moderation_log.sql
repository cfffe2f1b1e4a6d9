-- Append-only record of every curator and admin action: who did what to which thing, and why.
-- Rows are never updated or deleted (io.paperboy.audit.ModerationLog has no way to).
CREATE TABLE moderation_log (
    id          ${id},
    actor_id    BIGINT NOT NULL REFERENCES users (id),
    actor_name  TEXT   NOT NULL,
    action      TEXT   NOT NULL,
    target_kind TEXT   NOT NULL,
    target_id   TEXT   NOT NULL,
    detail      TEXT   NOT NULL DEFAULT '',
    created_at  TEXT   NOT NULL
);
CREATE INDEX moderation_log_created ON moderation_log (created_at);
