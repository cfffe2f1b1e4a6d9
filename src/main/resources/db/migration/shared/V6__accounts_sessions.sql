-- Members. email is stored lower-cased; name is the handle in /u/{name}; display_name is free text.
-- password_hash is an Argon2id PHC string (io.paperboy.user.Passwords).
CREATE TABLE users (
    id            ${id},
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'curator', 'admin')),
    verified_at   TEXT,
    created_at    TEXT NOT NULL
);

-- Signed-in browsers. The cookie carries a random id; only its SHA-256 is stored, so a copy of
-- the database cannot be used to sign in.
CREATE TABLE sessions (
    id_hash      TEXT   PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TEXT   NOT NULL,
    last_seen_at TEXT   NOT NULL,
    expires_at   TEXT   NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use links sent by mail (verify the address, reset the password); hashed like sessions.
CREATE TABLE mail_tokens (
    token_hash TEXT   PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT   NOT NULL CHECK (purpose IN ('verify', 'reset')),
    created_at TEXT   NOT NULL,
    expires_at TEXT   NOT NULL,
    used_at    TEXT
);

-- Personal API tokens (Authorization: Bearer pb_…), shown once at creation; hashed like sessions.
CREATE TABLE api_tokens (
    id           ${id},
    token_hash   TEXT   NOT NULL UNIQUE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label        TEXT   NOT NULL,
    created_at   TEXT   NOT NULL,
    last_used_at TEXT
);

-- Keys every node must share, made once by the first node that needs them (e.g. the CSRF key).
CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
