-- Timestamps in whole seconds, fixed width ("2026-11-29T13:00:00Z", io.paperboy.db.Timestamps),
-- so that text order is time order. These columns were stamped with an Instant's own text, which
-- carries 0 to 9 fractional digits: "…T10:00:00.5Z" sorted before "…T10:00:00Z" (job_runs is read
-- newest claim first). Every such value is cut to its whole second, as the code now writes them.
UPDATE papers SET created_at = substr(created_at, 1, 19) || 'Z' WHERE length(created_at) > 20;
UPDATE papers SET modified_at = substr(modified_at, 1, 19) || 'Z' WHERE length(modified_at) > 20;
UPDATE listings SET created_at = substr(created_at, 1, 19) || 'Z' WHERE length(created_at) > 20;
UPDATE job_runs SET claimed_at = substr(claimed_at, 1, 19) || 'Z' WHERE length(claimed_at) > 20;
UPDATE job_runs SET finished_at = substr(finished_at, 1, 19) || 'Z' WHERE length(finished_at) > 20;
UPDATE import_checkpoints SET updated_at = substr(updated_at, 1, 19) || 'Z' WHERE length(updated_at) > 20;
UPDATE harvest_state SET updated_at = substr(updated_at, 1, 19) || 'Z' WHERE length(updated_at) > 20;
UPDATE harvest_state SET last_success_at = substr(last_success_at, 1, 19) || 'Z' WHERE length(last_success_at) > 20;
