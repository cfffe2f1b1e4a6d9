-- Webhook and chat destinations (io.paperboy.webhook, issue 15). A destination belongs to the
-- site (owner_id NULL, managed by admins) or to the member who added it for their own account.
-- kind says which message format it gets; secret is the Standard Webhooks signing key of a
-- generic webhook (shown once to its owner) or the access token of a Matrix room, NULL otherwise.
-- What it gets: the daily top daily_top papers (0: none) at send_hour in time_zone (an IANA zone
-- id), as the digests; papers matching its interests as they are featured; with every_featured,
-- every newly featured paper. After repeated failed deliveries it is paused (paused = 1) with the
-- reason its owner sees; failures counts failed deliveries in a row.
CREATE TABLE webhook_destinations (
    id             ${id},
    owner_id       BIGINT  REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('generic', 'slack', 'discord', 'mattermost', 'matrix')),
    name           TEXT    NOT NULL,
    url            TEXT    NOT NULL,
    secret         TEXT,
    daily_top      INTEGER NOT NULL DEFAULT 0 CHECK (daily_top BETWEEN 0 AND 25),
    send_hour      INTEGER NOT NULL CHECK (send_hour BETWEEN 0 AND 23),
    time_zone      TEXT    NOT NULL,
    every_featured INTEGER NOT NULL DEFAULT 0 CHECK (every_featured IN (0, 1)),
    paused         INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    paused_reason  TEXT,
    failures       INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX webhook_destinations_owner ON webhook_destinations (owner_id);

-- What a destination follows, as a digest subscription does: saved searches, authors, categories.
CREATE TABLE webhook_interests (
    destination_id BIGINT  NOT NULL REFERENCES webhook_destinations (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('search', 'author', 'category')),
    value          TEXT    NOT NULL,
    position       INTEGER NOT NULL,
    PRIMARY KEY (destination_id, kind, value)
);
