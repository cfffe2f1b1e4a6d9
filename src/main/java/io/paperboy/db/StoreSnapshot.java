package io.paperboy.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads every backed-up table of a live store inside one read-only transaction, so the content is
 * one consistent moment while the site keeps writing: PostgreSQL at REPEATABLE READ (one
 * snapshot for the whole transaction), SQLite in WAL mode in a deferred transaction (readers see
 * the database as of their first read and never block the writer). The store is not migrated:
 * the content carries the schema version it has.
 */
public final class StoreSnapshot {
    private static final int FETCH_SIZE = 1000;

    private StoreSnapshot() {}

    /** Sends the store's content to {@code sink}; returns each table's summary. */
    public static Map<String, StoreCopy.TableSummary> read(String jdbcUrl, String password, StoreCopy.Sink sink)
            throws Exception {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (dialect == Dialect.SQLITE && !java.nio.file.Files.isRegularFile(sqliteFile(jdbcUrl))) {
            // Connecting would create an empty database file where the operator mistyped a path.
            throw new IllegalArgumentException(
                    "backup: no store at " + sqliteFile(jdbcUrl) + " (check --data or --db)");
        }
        try (Connection c = connect(jdbcUrl, password)) {
            if (dialect == Dialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 30000");
                }
            }
            if (dialect == Dialect.POSTGRESQL) {
                // Numbers come from a sequence there; the counter row catches up now, before the
                // snapshot, so the copy carries a counter past its rows (see ChangeSequence.passRestored).
                ChangeSequence.catchUpCounter(c);
            }
            c.setAutoCommit(false);
            if (dialect == Dialect.POSTGRESQL) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            }
            try {
                // The first read fixes the snapshot on both engines: the version and every table come from it.
                String version = StoreSchema.version(c)
                        .orElseThrow(() -> new IllegalStateException("backup: " + describe(jdbcUrl)
                                + " has no Paperboy schema (no " + StoreSchema.FLYWAY_HISTORY + " table)"));
                sink.start(new StoreCopy.Header(version, dialect.name(), Timestamps.stamp(Instant.now())));
                Map<String, StoreCopy.TableSummary> summaries = new LinkedHashMap<>();
                List<StoreSchema.Table> tables = StoreSchema.backedUp(c);
                for (StoreSchema.Table table : tables) {
                    summaries.put(table.name(), readTable(c, table, sink));
                }
                Set<String> names = tables.stream().map(StoreSchema.Table::name).collect(Collectors.toSet());
                sink.sequences(lastIssued(c, dialect, names));
                sink.finish();
                return summaries;
            } finally {
                c.rollback();
            }
        }
    }

    /** The file an SQLite URL names. */
    static java.nio.file.Path sqliteFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        return java.nio.file.Path.of(query >= 0 ? rest.substring(0, query) : rest);
    }

    /** A plain connection (no pool, no statement timeout: a backup's reads may rightly run long), with {@code password} if given. */
    static Connection connect(String jdbcUrl, String password) throws java.sql.SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** The URL without its query (which may hold a password), for messages. */
    public static String describe(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static StoreCopy.TableSummary readTable(Connection c, StoreSchema.Table table, StoreCopy.Sink sink)
            throws Exception {
        List<String> columns = table.columnNames();
        sink.table(new StoreCopy.TableStart(table.name(), columns));
        TableDigest digest = new TableDigest();
        List<String> order = table.primaryKey().isEmpty() ? columns : table.primaryKey();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + table.name()
                + " ORDER BY " + String.join(", ", order))) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> values = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        values.add(StoreValues.read(rs, i));
                    }
                    digest.add(values);
                    sink.row(values);
                }
            }
        }
        var summary = new StoreCopy.TableSummary(digest.rows(), digest.checksum());
        sink.endTable(table.name(), summary);
        return summary;
    }

    /** Reads a table's content the way {@link #read} does, for checking a copy: its summary only. */
    static StoreCopy.TableSummary summarize(Connection c, String table, List<String> columns) throws SQLException {
        TableDigest digest = new TableDigest();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + table)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> values = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        values.add(StoreValues.read(rs, i));
                    }
                    digest.add(values);
                }
            }
        }
        return new StoreCopy.TableSummary(digest.rows(), digest.checksum());
    }

    static Map<String, Long> lastIssued(Connection c, Dialect dialect, Set<String> tables) throws SQLException {
        Map<String, Long> issued = new TreeMap<>();
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
                while (rs.next()) {
                    if (tables.contains(rs.getString(1).toLowerCase(java.util.Locale.ROOT))) {
                        issued.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
                    }
                }
            }
            return issued;
        }
        for (Map.Entry<String, String> e : PostgresSequences.of(c).entrySet()) {
            if (tables.contains(e.getKey())) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + e.getValue())) {
                    rs.next();
                    issued.put(e.getKey(), rs.getBoolean(2) ? rs.getLong(1) : rs.getLong(1) - 1);
                }
            }
        }
        return issued;
    }
}
