package io.paperboy.settings;

import io.paperboy.db.Database;
import io.paperboy.db.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** SQL for site_settings: one row per setting made, by name. */
final class SiteSettingsRepository {
    /** A stored setting's text and who made it when. */
    record Row(String name, String value, Instant updatedAt, String updatedBy) {}

    private final Database db;

    SiteSettingsRepository(Database db) {
        this.db = db;
    }

    Map<String, Row> listAll() {
        return db.withHandle(this::listAll);
    }

    Map<String, Row> listAll(Handle h) {
        Map<String, Row> rows = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT name, value, updated_at, updated_by FROM site_settings ORDER BY name""")
                .map((rs, ctx) -> new Row(
                        rs.getString("name"),
                        rs.getString("value"),
                        Timestamps.parse(rs.getString("updated_at")),
                        rs.getString("updated_by")))
                .forEach(row -> rows.put(row.name(), row));
        return rows;
    }

    /** Stores the setting unless a row for it exists (another node seeded it first); true when stored here. */
    boolean insertIfAbsent(Handle h, String name, String value, Instant at, String by) {
        return h.createUpdate("""
                        INSERT INTO site_settings (name, value, updated_at, updated_by)
                        VALUES (:name, :value, :at, :by) ON CONFLICT (name) DO NOTHING""")
                        .bind("name", name)
                        .bind("value", value)
                        .bind("at", Timestamps.stamp(at))
                        .bind("by", by)
                        .execute()
                == 1;
    }

    void upsert(Handle h, String name, String value, Instant at, String by) {
        h.createUpdate("""
                        INSERT INTO site_settings (name, value, updated_at, updated_by)
                        VALUES (:name, :value, :at, :by)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                .bind("name", name)
                .bind("value", value)
                .bind("at", Timestamps.stamp(at))
                .bind("by", by)
                .execute();
    }
}
