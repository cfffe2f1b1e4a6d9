-- What each change touched, for the page caches of every node (io.paperboy.web.PageCache): a
-- vote on a paper refreshes the pages showing that paper, not every page. topic is "paper:ID",
-- "listings" (which papers are featured when) or "*" (anything); a change may have several rows.
-- Kept for the last numbers only (io.paperboy.db.ChangeSequence#prune); a backup leaves it out.
CREATE TABLE change_topics (
    seq   BIGINT NOT NULL,
    topic TEXT   NOT NULL
);
CREATE INDEX change_topics_seq ON change_topics (seq);
