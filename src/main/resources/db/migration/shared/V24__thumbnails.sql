-- What the thumbnail worker did for each featured paper: 'done' (DIR/thumbnails holds the PNG of its
-- first page) or 'failed' (no PDF to render: the page shows a generated cover), with the attempts
-- made and the last error, so a restart neither fetches a PDF again nor loses a failure.
CREATE TABLE thumbnails (
    paper_id   TEXT    PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL,
    attempts   INTEGER NOT NULL,
    last_error TEXT,
    updated_at TEXT    NOT NULL
);
