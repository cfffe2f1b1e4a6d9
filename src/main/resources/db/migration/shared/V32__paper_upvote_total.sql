-- A paper's upvotes as every page, feed and API shows them: those its shown listing entries
-- brought from their sources plus its members' votes. Stored and indexed, so listings, trending
-- and search's upvote order read one column in SQL instead of adding the two in Java. Recounted
-- from the votes and listings rows in one statement (io.paperboy.vote.VoteRepository#recount) in
-- the transaction of every vote, import and (un)featuring; a paper with imported upvotes and no
-- member's vote has a row too.
ALTER TABLE paper_votes ADD COLUMN upvotes INTEGER NOT NULL DEFAULT 0;

INSERT INTO paper_votes (paper_id, votes)
SELECT DISTINCT paper_id, 0 FROM listings
WHERE unfeatured_at IS NULL AND upvotes > 0 AND paper_id NOT IN (SELECT paper_id FROM paper_votes);

UPDATE paper_votes SET upvotes = votes + COALESCE((SELECT SUM(l.upvotes) FROM listings l
    WHERE l.paper_id = paper_votes.paper_id AND l.unfeatured_at IS NULL), 0);

CREATE INDEX paper_votes_upvotes ON paper_votes (upvotes);
