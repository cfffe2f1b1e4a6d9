package io.paperboy.ingest.arxiv;

import io.paperboy.db.Database;
import java.util.List;

/**
 * What an operator wants to know about each harvested endpoint and set: how far it got, when it
 * last finished, and the last error.
 */
public record HarvestStatus(
        String endpoint,
        String set,
        boolean inProgress,
        long recordsDone,
        String lastDatestamp,
        String lastSuccessAt,
        String lastError,
        String updatedAt) {

    public static List<HarvestStatus> all(Database db) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT endpoint, set_spec, resumption_token, records_done, last_datestamp, last_success_at,
                               last_error, updated_at
                        FROM harvest_state ORDER BY endpoint, set_spec""")
                .map((rs, ctx) -> new HarvestStatus(
                        rs.getString("endpoint"),
                        rs.getString("set_spec"),
                        rs.getString("resumption_token") != null,
                        rs.getLong("records_done"),
                        rs.getString("last_datestamp"),
                        rs.getString("last_success_at"),
                        rs.getString("last_error"),
                        rs.getString("updated_at")))
                .list());
    }

    /** One line for a terminal. */
    public String line() {
        return String.format(
                "%s set '%s': %s; %,d records in the current or last run; next run from %s; " + "last finished %s%s",
                endpoint,
                set.isEmpty() ? "(all)" : set,
                inProgress ? "interrupted, will resume" : "idle",
                recordsDone,
                lastDatestamp == null ? "the beginning" : lastDatestamp,
                lastSuccessAt == null ? "never" : lastSuccessAt,
                lastError == null ? "" : "; last error: " + lastError);
    }
}
