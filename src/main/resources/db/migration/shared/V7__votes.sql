-- Members' upvotes. The primary key is what makes it one vote per account per paper: a second
-- upvote inserts nothing. created_at (ISO-8601, whole seconds) feeds the trending score.
CREATE TABLE votes (
    user_id    BIGINT NOT NULL REFERENCES users (id),
    paper_id   TEXT   NOT NULL REFERENCES papers (id),
    created_at TEXT   NOT NULL,
    PRIMARY KEY (user_id, paper_id)
);
CREATE INDEX votes_created ON votes (created_at);
CREATE INDEX votes_paper ON votes (paper_id);

-- How many members upvoted each paper: derived from votes, recounted in the same transaction as
-- every vote (io.paperboy.vote.VoteRepository), so listings read one row per paper, never count.
CREATE TABLE paper_votes (
    paper_id TEXT    PRIMARY KEY REFERENCES papers (id),
    votes    INTEGER NOT NULL CHECK (votes >= 0)
);
