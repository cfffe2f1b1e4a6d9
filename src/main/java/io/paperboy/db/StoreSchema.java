package io.paperboy.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The tables of a live store as its own catalog lists them, so a backup carries every table the
 * migrations made, including ones added after this class was written, unless it is named in
 * {@link #EXCLUDED} with the reason.
 */
public final class StoreSchema {
    /** Flyway's own bookkeeping: a restore makes it again by migrating the target. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** Tables a backup leaves out, with why (docs/operations.md repeats these). */
    public static final Map<String, String> EXCLUDED = Map.of(
            "sessions",
                    "sign-ins are short-lived; restoring them would bring back sessions ended (signed out, "
                            + "password changed) after the backup, so members sign in again instead",
            "mail_tokens",
                    "single-use links that expire within hours; restoring them would make links used "
                            + "after the backup usable again",
            "change_topics",
                    "what each recent change touched, for the page caches of running nodes (table added by "
                            + "migration V37); a restored store's nodes start with empty caches",
            "throttle_buckets",
                    "rate-limit counters (table added by migration V17): transient, they refill "
                            + "by themselves and carry no member data");

    /**
     * Rows the migrations themselves insert: a store with only these is still empty, and a restore
     * replaces them. The value is the condition under which such a row is still as migrated.
     */
    static final Map<String, String> SEEDED = Map.of("change_counter", "value = 0");

    private StoreSchema() {}

    /** One table: its columns (with their JDBC types), primary key and the tables it references. */
    public record Table(String name, List<Column> columns, List<String> primaryKey, Set<String> references) {
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** A column and its {@link java.sql.Types} code. */
    public record Column(String name, int jdbcType) {}

    /** Every table of the store but Flyway's history, parents before the tables that reference them. */
    public static List<Table> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = schemaOf(c);
        Map<String, Table> byName = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals(FLYWAY_HISTORY)) {
                    byName.put(name, null);
                }
            }
        }
        for (String name : List.copyOf(byName.keySet())) {
            byName.put(
                    name,
                    new Table(
                            name,
                            columns(meta, schema, name),
                            primaryKey(meta, schema, name),
                            references(meta, schema, name)));
        }
        return parentsFirst(byName);
    }

    /** The tables a backup carries: {@link #tables} without {@link #EXCLUDED}. */
    public static List<Table> backedUp(Connection c) throws SQLException {
        return tables(c).stream().filter(t -> !EXCLUDED.containsKey(t.name())).toList();
    }

    /** The schema version Flyway recorded last; empty when the store has no schema yet. */
    public static Optional<String> version(Connection c) throws SQLException {
        boolean migrated;
        try (ResultSet rs = c.getMetaData().getTables(null, schemaOf(c), "%", new String[] {"TABLE"})) {
            migrated = false;
            while (rs.next()) {
                migrated |= FLYWAY_HISTORY.equalsIgnoreCase(rs.getString("TABLE_NAME"));
            }
        }
        if (!migrated) {
            return Optional.empty();
        }
        MigrationVersion newest = null;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version, success FROM " + FLYWAY_HISTORY + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (rs.getBoolean(2) && (newest == null || v.compareTo(newest) > 0)) {
                    newest = v;
                }
            }
        }
        return Optional.ofNullable(newest).map(MigrationVersion::getVersion);
    }

    /** Tables that hold a row, with how many; seeded rows still as migrated do not count. */
    public static Map<String, Long> nonEmpty(Connection c) throws SQLException {
        Map<String, Long> found = new TreeMap<>();
        for (Table t : tables(c)) {
            String where = SEEDED.containsKey(t.name()) ? " WHERE NOT (" + SEEDED.get(t.name()) + ")" : "";
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t.name() + where)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    found.put(t.name(), rs.getLong(1));
                }
            }
        }
        return found;
    }

    private static String schemaOf(Connection c) throws SQLException {
        return Dialect.of(c.getMetaData().getURL()) == Dialect.POSTGRESQL ? c.getSchema() : null;
    }

    private static List<Column> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE")));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> ordered = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(ordered.values());
    }

    private static Set<String> references(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Set<String> parents = new LinkedHashSet<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                parents.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        parents.remove(table);
        return parents;
    }

    /** Orders tables so that each comes after the tables its foreign keys point at (self-references aside). */
    private static List<Table> parentsFirst(Map<String, Table> byName) {
        Map<String, Table> ordered = new LinkedHashMap<>();
        while (ordered.size() < byName.size()) {
            int before = ordered.size();
            for (Table t : byName.values()) {
                if (!ordered.containsKey(t.name())
                        && t.references().stream().allMatch(p -> ordered.containsKey(p) || !byName.containsKey(p))) {
                    ordered.put(t.name(), t);
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("store schema: foreign keys form a cycle among "
                        + byName.keySet().stream()
                                .filter(n -> !ordered.containsKey(n))
                                .toList());
            }
        }
        return List.copyOf(ordered.values());
    }
}
