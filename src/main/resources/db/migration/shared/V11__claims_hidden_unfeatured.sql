-- Author claims: a member says "this author name on this paper is me", a curator decides.
-- One claim per member per paper; an author name has at most one approved claimant per paper.
CREATE TABLE author_claims (
    id          ${id},
    paper_id    TEXT   NOT NULL REFERENCES papers (id),
    author_name TEXT   NOT NULL,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      TEXT   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at  TEXT   NOT NULL,
    decided_at  TEXT,
    UNIQUE (paper_id, user_id)
);
CREATE UNIQUE INDEX author_claims_one_approved ON author_claims (paper_id, author_name) WHERE status = 'approved';
CREATE INDEX author_claims_user ON author_claims (user_id);
CREATE INDEX author_claims_status ON author_claims (status, id);

-- A curator hides a paper (spam, withdrawn, off-topic): out of listings, search and the API
-- until unhidden. Who and why is in moderation_log.
ALTER TABLE papers ADD COLUMN hidden_at TEXT;

-- A curator takes an entry off a day's listing; the row stays, so restoring it brings back its
-- submitter and votes, and a re-import does not feature it again.
ALTER TABLE listings ADD COLUMN unfeatured_at TEXT;
