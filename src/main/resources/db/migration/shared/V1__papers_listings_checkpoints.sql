-- One row holding the last change number handed out (see io.paperboy.db.ChangeSequence).
CREATE TABLE change_counter (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT  NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

-- A paper, keyed by its canonical arXiv id (no version) or a stable "pb-" id.
-- Lists (authors, links, versions) are JSON arrays; dates are ISO-8601 text.
CREATE TABLE papers (
    id          TEXT    PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 0,
    title       TEXT    NOT NULL,
    abstract    TEXT    NOT NULL DEFAULT '',
    authors     TEXT    NOT NULL DEFAULT '[]',
    categories  TEXT    NOT NULL DEFAULT '',
    published   TEXT,
    updated     TEXT,
    comments    TEXT,
    journal_ref TEXT,
    dois        TEXT    NOT NULL DEFAULT '',
    report_no   TEXT,
    license     TEXT,
    links       TEXT    NOT NULL DEFAULT '[]',
    versions    TEXT    NOT NULL DEFAULT '[]',
    change_seq  BIGINT  NOT NULL,
    created_at  TEXT    NOT NULL,
    modified_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX papers_change_seq ON papers (change_seq);
CREATE INDEX papers_published ON papers (published);

-- A paper featured on a day.
CREATE TABLE listings (
    paper_id     TEXT    NOT NULL REFERENCES papers (id),
    day          TEXT    NOT NULL,
    submitted_by TEXT,
    upvotes      INTEGER NOT NULL DEFAULT 0,
    source       TEXT    NOT NULL,
    change_seq   BIGINT  NOT NULL,
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (paper_id, day)
);
CREATE INDEX listings_day ON listings (day);

-- How far an interrupted import of one input got; written in the same transaction as its records.
CREATE TABLE import_checkpoints (
    input_key  TEXT   PRIMARY KEY,
    path       TEXT   NOT NULL,
    lines_done BIGINT NOT NULL,
    updated_at TEXT   NOT NULL
);
