-- A member's private Atom feed of "for you": the secret in its URL is stored only as a SHA-256
-- (like sessions and API tokens), one per member; making a new one replaces (revokes) the old.
CREATE TABLE foryou_feed_tokens (
    user_id    BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT   NOT NULL UNIQUE,
    created_at TEXT   NOT NULL
);
