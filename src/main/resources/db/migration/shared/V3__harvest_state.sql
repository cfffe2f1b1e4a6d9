-- How far the OAI-PMH harvest of one endpoint and set got (see io.paperboy.ingest.arxiv.HarvestState).
-- Written in the same transaction as each page's papers, so a killed harvest resumes with the
-- resumption token of the first page it had not stored, and a finished one remembers the latest
-- datestamp it saw, from which the next (nightly) run asks for changes. set_spec is '' for "all sets".
CREATE TABLE harvest_state (
    endpoint          TEXT   NOT NULL,
    set_spec          TEXT   NOT NULL,
    resumption_token  TEXT,
    harvest_from      TEXT,
    harvest_until     TEXT,
    pending_datestamp TEXT,
    records_done      BIGINT NOT NULL DEFAULT 0,
    last_datestamp    TEXT,
    last_success_at   TEXT,
    last_error        TEXT,
    updated_at        TEXT   NOT NULL,
    PRIMARY KEY (endpoint, set_spec)
);
