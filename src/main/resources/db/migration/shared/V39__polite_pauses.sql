-- A service's "not until" (io.paperboy.jobs.PoliteRefresh), shared by every node on the store:
-- when GitHub answers a rate limit with its reset time, or the Hub a 429 with Retry-After, the
-- node that heard it writes the time here, and no node asks that service again before it (each
-- node pausing alone kept the others asking). service: the worker's name for the service
-- ('github', 'hub'); paused_until: fixed-width UTC text (io.paperboy.db.Timestamps), only ever
-- moved later; reason: what the service answered, for operators.
CREATE TABLE polite_pauses (
    service      TEXT PRIMARY KEY,
    paused_until TEXT NOT NULL,
    reason       TEXT
);
