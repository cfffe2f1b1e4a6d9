-- Comments on papers, one level of replies (parent_id points at a top-level comment, never at a
-- reply). body is the Markdown as typed; it is rendered and sanitized on every read, so a
-- tightened sanitizer policy applies to old comments too. author_name is the member's handle when
-- they wrote, which never changes, so pages need no join with the user feature's tables.
-- Deleting keeps the row (body emptied) while replies hang from it; hiding is a curator's act.
CREATE TABLE comments (
    id          ${id},
    paper_id    TEXT    NOT NULL REFERENCES papers (id),
    parent_id   BIGINT  REFERENCES comments (id),
    author_id   BIGINT  NOT NULL REFERENCES users (id),
    author_name TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    edited_at   TEXT,
    deleted_at  TEXT,
    hidden_at   TEXT
);
CREATE INDEX comments_paper ON comments (paper_id, id);
CREATE INDEX comments_parent ON comments (parent_id);

-- Visible comments per paper (neither hidden nor deleted), recomputed from comments in one
-- statement by every write, so listings read a count instead of counting.
CREATE TABLE comment_counts (
    paper_id TEXT    PRIMARY KEY REFERENCES papers (id),
    visible  INTEGER NOT NULL
);
