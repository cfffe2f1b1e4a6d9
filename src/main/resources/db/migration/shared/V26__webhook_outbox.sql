-- The webhook outbox, as the digest outbox (V12, V18): one row per destination and event, the
-- unique key making "this destination gets this event" a fact recorded once. payload is the
-- event (papers and why each is there) as JSON, fixed when queued, so a retry sends the same
-- message. Rows move pending -> sending (claimed under claim_token until lease_until) -> sent, or
-- back to pending with a later next_attempt_at, or to failed; a 'sending' row whose lease ran
-- out belongs to a sender that died and is taken again.
CREATE TABLE webhook_outbox (
    id              ${id},
    destination_id  BIGINT  NOT NULL REFERENCES webhook_destinations (id) ON DELETE CASCADE,
    event_key       TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    lease_until     TEXT,
    claim_token     TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT,
    last_error      TEXT,
    UNIQUE (destination_id, event_key)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (status, next_attempt_at);

-- The delivery log a destination's owner sees: its last attempts (trimmed to 50 per destination).
CREATE TABLE webhook_attempts (
    id             ${id},
    destination_id BIGINT  NOT NULL REFERENCES webhook_destinations (id) ON DELETE CASCADE,
    event_key      TEXT    NOT NULL,
    attempted_at   TEXT    NOT NULL,
    outcome        TEXT    NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
    http_status    INTEGER NOT NULL,
    latency_ms     BIGINT  NOT NULL,
    error          TEXT
);
CREATE INDEX webhook_attempts_destination ON webhook_attempts (destination_id, id);

-- How far the scan for newly featured papers got (one row): listings created before scanned_to
-- were looked at. The scan overlaps a little (see WebhookEvents), the outbox's key absorbs repeats.
CREATE TABLE webhook_scan (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    scanned_to TEXT    NOT NULL
);
