-- A member's reading list: papers saved for later, with when they were marked read (null: unread).
CREATE TABLE saved_papers (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    paper_id TEXT   NOT NULL REFERENCES papers (id),
    saved_at TEXT   NOT NULL,
    read_at  TEXT,
    PRIMARY KEY (user_id, paper_id)
);
CREATE INDEX saved_papers_user_saved ON saved_papers (user_id, saved_at);
