-- Email digests (io.paperboy.digest). A subscription belongs to an address, and to a member when
-- made from /settings (user_id). It stays 'pending' until its confirmation link is used (double
-- opt-in: nothing is sent before); 'paused' after repeated permanent delivery failures.
-- send_hour is the hour of day in time_zone (an IANA zone id) at which a period's digest is due.
CREATE TABLE digest_subscriptions (
    id                 ${id},
    email              TEXT    NOT NULL UNIQUE,
    user_id            BIGINT  UNIQUE,
    frequency          TEXT    NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    send_hour          INTEGER NOT NULL CHECK (send_hour BETWEEN 0 AND 23),
    time_zone          TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'paused', 'unsubscribed')),
    confirm_hash       TEXT    UNIQUE,
    confirm_expires_at TEXT,
    created_at         TEXT    NOT NULL,
    confirmed_at       TEXT,
    updated_at         TEXT    NOT NULL,
    bounces            INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT
);
CREATE INDEX digest_subscriptions_status ON digest_subscriptions (status);

-- What a subscription follows besides trending: saved searches, authors and categories.
CREATE TABLE digest_interests (
    subscription_id BIGINT NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    kind            TEXT   NOT NULL CHECK (kind IN ('search', 'author', 'category')),
    value           TEXT   NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, kind, value)
);

-- The transactional outbox: one row per subscription and period, written before any mail goes
-- out. The unique key makes "this subscriber gets this period's digest" a fact recorded once;
-- delivery then moves each row pending -> sending -> sent (or back to pending with a later
-- next_attempt_at after a transient failure, or to failed after a permanent one). A 'sending'
-- row whose lease ran out belongs to a node that died mid-send and is tried again.
CREATE TABLE digest_outbox (
    id              ${id},
    subscription_id BIGINT  NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    period_key      TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    lease_until     TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT,
    last_error      TEXT,
    UNIQUE (subscription_id, period_key)
);
CREATE INDEX digest_outbox_due ON digest_outbox (status, next_attempt_at);
