-- Rate limits (login tries, mails on request, submissions...) shared by every node on this store:
-- one row per Bucket4j token bucket, changed only by compare-and-swap on its state (Bucket4j has no
-- SQLite module; see db.SqliteThrottleBuckets), so a burst from several nodes at once still gets exactly the limit. The key
-- is the limit's name and a SHA-256 of what it counts (an account, a client address, a mailbox),
-- so it has a fixed length; expires_at (epoch milliseconds) is when the bucket is full again and
-- the row can go: rows of accounts under attack stay until then, whatever else is sprayed.
CREATE TABLE throttle_buckets (
    bucket_key TEXT   PRIMARY KEY,
    state      BLOB  NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX throttle_buckets_expiry ON throttle_buckets (expires_at);
