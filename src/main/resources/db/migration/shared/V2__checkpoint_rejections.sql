-- Records rejected before an interruption, so a resumed import still reports (and fails on) them.
ALTER TABLE import_checkpoints ADD COLUMN rejected BIGINT NOT NULL DEFAULT 0;
