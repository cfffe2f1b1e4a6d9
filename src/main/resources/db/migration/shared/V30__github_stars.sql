-- Stars of each featured paper's code on GitHub (io.paperboy.github), refreshed daily by the stars
-- worker when --github-stars is on. Pages read only this table, never GitHub.
-- repo: owner/name of the paper's first GitHub link; stars: stargazers_count of the last good
-- answer (NULL before one, and after a 404: the repository is gone); etag: that answer's ETag,
-- sent back as If-None-Match so an unchanged repository costs a 304; status: 'new', 'ok',
-- 'not_found' or 'error' (last_error says why); fetched_at: when stars was last confirmed;
-- due_at: when to ask again. A node claims a paper by moving due_at forward while it is due
-- (compare and set), so with several nodes each repository is asked once.
CREATE TABLE github_stars (
    paper_id   TEXT    PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    repo       TEXT    NOT NULL,
    stars      INTEGER,
    etag       TEXT,
    status     TEXT    NOT NULL,
    last_error TEXT,
    fetched_at TEXT,
    due_at     TEXT    NOT NULL
);
CREATE INDEX github_stars_due ON github_stars (due_at);
