-- The site's embedding job, one row per model (made on first use): papers up to papers_seq are
-- embedded; last_seq is the highest seq given to a stored vector; the node named in holder embeds
-- until lease_until (epoch milliseconds; it renews the lease with every batch; another node takes over once it lapses),
-- and every write of a batch applies only while the row still names that holder's token (fencing);
-- rate is the holder's papers per second in its latest run, for the operator page's ETA.
CREATE TABLE embedding_state (
    model       TEXT   PRIMARY KEY,
    papers_seq  BIGINT NOT NULL,
    last_seq    BIGINT NOT NULL,
    holder      TEXT,
    holder_node TEXT,
    lease_until BIGINT,
    rate        ${double},
    last_error  TEXT
);

-- Each node says every few seconds what it is and how far its index is (io.paperboy.jobs.NodeReports),
-- so the operator page on any node shows every node: version, start, last report (epoch
-- milliseconds), and the papers and stored embeddings its index has yet to read.
CREATE TABLE node_reports (
    node          TEXT   PRIMARY KEY,
    version       TEXT   NOT NULL,
    started_at    TEXT   NOT NULL,
    seen_at       BIGINT NOT NULL,
    index_applied BIGINT NOT NULL,
    index_lag     BIGINT NOT NULL,
    vectors_lag   BIGINT NOT NULL
);
