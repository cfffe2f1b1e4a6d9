-- Embeddings are computed once for the whole site and kept here; every node's index reads them
-- (io.paperboy.search.EmbeddingWorker writes, the IndexFollower reads). Before, each node embedded
-- every paper itself (about 10 hours per node for a million papers on two cores), and a node that
-- joined later embedded everything again.
-- paper_seq is the paper's change number whose text was embedded (a later change of the paper is
-- embedded again and replaces the row); seq orders the rows as the writer stored them, so an index
-- that has read up to seq n has read every vector stored before; vector is the model's floats,
-- little-endian, 4 bytes each; model names it (a different model's vectors are not mixed in);
-- text_sha is the SHA-256 of the text embedded, so a change that left the text alone (hidden and
-- shown again) stores the same vector under its new change number without asking the model.
CREATE TABLE paper_embeddings (
    paper_id    TEXT   PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    paper_seq   BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    model       TEXT   NOT NULL,
    text_sha    TEXT   NOT NULL,
    vector      ${blob}   NOT NULL,
    embedded_at TEXT   NOT NULL,
    embedded_by TEXT   NOT NULL
);
CREATE UNIQUE INDEX paper_embeddings_seq ON paper_embeddings (seq);
