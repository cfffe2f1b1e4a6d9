-- What cites each featured arXiv paper on the Hugging Face Hub (io.paperboy.hub), as the Hub's
-- arxiv:ID filter of its models, datasets and spaces APIs lists them; refreshed daily by the hub
-- worker when --hub-links is on. Pages read only this table, never the Hub.
-- models, datasets, spaces: how many cite the paper (NULL before a good answer); top: the most
-- liked few of each kind as JSON ({"models":[{"id","likes","downloads"}],"datasets":[…],"spaces":[…]});
-- status 'new', 'ok' or 'error' (last_error says why; the last good counts stay); fetched_at: when
-- the counts were last confirmed; due_at: when to ask again, moved forward to claim the paper
-- (compare and set), so with several nodes one asks.
CREATE TABLE hub_links (
    paper_id   TEXT    PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    models     INTEGER,
    datasets   INTEGER,
    spaces     INTEGER,
    top        TEXT,
    status     TEXT    NOT NULL,
    last_error TEXT,
    fetched_at TEXT,
    due_at     TEXT    NOT NULL
);
CREATE INDEX hub_links_due ON hub_links (due_at);

-- Thumbnails, for several nodes: a node claims a paper through its row (status 'claimed', leased by
-- updated_at) so one node fetches each PDF, and keeps the rendered PNG here, so every node serves it
-- (DIR/thumbnails stays as the node's own copy, read first).
ALTER TABLE thumbnails ADD COLUMN png ${blob};
