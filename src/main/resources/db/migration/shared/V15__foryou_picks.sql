-- A member's "for you" picks, computed when their likes (upvotes and saves) change and stored, so
-- that a digest run reads them instead of training a classifier per digest (io.paperboy.foryou).
-- rank 0 is the best pick; because_id is the liked paper it is most like, which the member
-- upvoted (upvoted = 1) or saved (0).
CREATE TABLE foryou_picks (
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rank       INTEGER NOT NULL,
    paper_id   TEXT    NOT NULL REFERENCES papers (id),
    because_id TEXT    NOT NULL REFERENCES papers (id),
    upvoted    INTEGER NOT NULL CHECK (upvoted IN (0, 1)),
    PRIMARY KEY (user_id, rank)
);

-- When each member's picks were computed, and from which likes: likes_hash is a SHA-256 of the
-- liked paper ids, so picks are stale when it no longer matches (a like added or taken back) or
-- when they are older than a day (new papers may rank higher).
CREATE TABLE foryou_pick_state (
    user_id     BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    likes_hash  TEXT   NOT NULL,
    computed_at TEXT   NOT NULL
);
