-- One node at a time computes key phrases, as one embeds (embedding_state): the node named in
-- holder computes until lease_until (epoch milliseconds; renewed with every batch, taken over by
-- another node once it lapses), and a batch's phrases and cursor are stored only while the row
-- still names that holder's token. Before, every node ranked the same papers at once, beside its
-- index's catch-up on the same cores.
ALTER TABLE keyword_cursor ADD COLUMN holder TEXT;
ALTER TABLE keyword_cursor ADD COLUMN holder_node TEXT;
ALTER TABLE keyword_cursor ADD COLUMN lease_until BIGINT;
