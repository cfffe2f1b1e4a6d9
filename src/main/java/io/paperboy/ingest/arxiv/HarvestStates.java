package io.paperboy.ingest.arxiv;

import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for harvest_state: the checkpoint of each endpoint and set. */
final class HarvestStates {

    Optional<HarvestState> find(Handle handle, String endpoint, String set) {
        return handle.createQuery("""
                        SELECT resumption_token, harvest_from, harvest_until, pending_datestamp, records_done,
                               last_datestamp
                        FROM harvest_state WHERE endpoint = :endpoint AND set_spec = :set""")
                .bind("endpoint", endpoint)
                .bind("set", set)
                .map((rs, ctx) -> new HarvestState(
                        endpoint,
                        set,
                        rs.getString("resumption_token"),
                        date(rs.getString("harvest_from")),
                        date(rs.getString("harvest_until")),
                        date(rs.getString("pending_datestamp")),
                        rs.getLong("records_done"),
                        date(rs.getString("last_datestamp"))))
                .findOne();
    }

    /** Saves {@code state}; {@code finished} also stamps the success time and clears the last error. */
    void save(Handle handle, HarvestState state, boolean finished) {
        String now = Timestamps.stamp(Instant.now());
        handle.createUpdate("""
                        INSERT INTO harvest_state (endpoint, set_spec, resumption_token, harvest_from, harvest_until,
                            pending_datestamp, records_done, last_datestamp, last_success_at, last_error, updated_at)
                        VALUES (:endpoint, :set, :token, :from, :until, :pending, :done, :last, :success, NULL, :now)
                        ON CONFLICT (endpoint, set_spec) DO UPDATE SET
                            resumption_token = excluded.resumption_token, harvest_from = excluded.harvest_from,
                            harvest_until = excluded.harvest_until, pending_datestamp = excluded.pending_datestamp,
                            records_done = excluded.records_done, last_datestamp = excluded.last_datestamp,
                            last_success_at = coalesce(excluded.last_success_at, harvest_state.last_success_at),
                            last_error = CASE WHEN excluded.last_success_at IS NULL THEN harvest_state.last_error END,
                            updated_at = excluded.updated_at""")
                .bind("endpoint", state.endpoint())
                .bind("set", state.set())
                .bind("token", state.resumptionToken())
                .bind("from", text(state.harvestFrom()))
                .bind("until", text(state.harvestUntil()))
                .bind("pending", text(state.pendingDatestamp()))
                .bind("done", state.recordsDone())
                .bind("last", text(state.lastDatestamp()))
                .bind("success", finished ? now : null)
                .bind("now", now)
                .execute();
    }

    /** Keeps why the last harvest failed on the row, for the operator; the checkpoint is left as it was. */
    void saveError(Handle handle, String endpoint, String set, String error) {
        String now = Timestamps.stamp(Instant.now());
        handle.createUpdate("""
                        INSERT INTO harvest_state (endpoint, set_spec, last_error, updated_at)
                        VALUES (:endpoint, :set, :error, :now)
                        ON CONFLICT (endpoint, set_spec) DO UPDATE SET
                            last_error = excluded.last_error, updated_at = excluded.updated_at""")
                .bind("endpoint", endpoint)
                .bind("set", set)
                .bind("error", error)
                .bind("now", now)
                .execute();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
