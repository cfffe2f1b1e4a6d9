-- One row per run of a scheduled job (e.g. the nightly harvest of 2026-11-30). Nodes claim a run
-- by inserting its row; the primary key lets exactly one of them win, so each run happens once
-- across a cluster without any coordination beyond the database.
CREATE TABLE job_runs (
    job         TEXT NOT NULL,
    run_key     TEXT NOT NULL,
    node        TEXT NOT NULL,
    claimed_at  TEXT NOT NULL,
    finished_at TEXT,
    outcome     TEXT,
    PRIMARY KEY (job, run_key)
);
