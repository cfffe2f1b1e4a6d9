-- What each change touched, for the page caches of every node (io.paperboy.web.PageCache): a
-- vote on a paper refreshes the pages showing that paper, not every page. topic is "paper:ID",
-- "listings" (which papers are featured when) or "*" (anything); a change may have several rows.
-- Kept for the last numbers only (io.paperboy.db.ChangeSequence#prune); a backup leaves it out.
CREATE TABLE change_topics (
    seq   BIGINT NOT NULL,
    topic TEXT   NOT NULL
);
CREATE INDEX change_topics_seq ON change_topics (seq);

-- Change numbers come from a sequence from now on, not from the change_counter row: taking the row
-- locked it until commit, so every write of the cluster waited for the one before (a vote waited
-- for a whole import batch). A sequence hands numbers out without waiting; they may commit out of
-- order, so followers read only up to a point below which every number's transaction has ended
-- (io.paperboy.db.ChangeHorizon). change_counter stays, unused here, for backups and SQLite.
CREATE SEQUENCE change_numbers;
SELECT setval('change_numbers', GREATEST(value, 1), value > 0) FROM change_counter;
