package io.paperboy.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;

/**
 * Fills an empty store with a store's content and checks it: the target is migrated to the
 * content's schema version, every table is inserted in one transaction (parents first), each
 * table's row count and checksum is compared with the source's before the commit, and only then
 * is the target upgraded to the newest schema. A target that already holds anything is refused,
 * and a failed load leaves it as empty as it was.
 */
public final class StoreLoader implements StoreCopy.Sink {
    private static final int BATCH = 500;

    private final String jdbcUrl;
    private final Map<String, StoreCopy.TableSummary> loaded = new LinkedHashMap<>();
    private final Map<String, List<String>> columnsLoaded = new LinkedHashMap<>();
    private Database db;
    private Handle handle;
    private Connection c;
    private Map<String, StoreSchema.Table> targetTables;
    private PreparedStatement insert;
    private List<StoreSchema.Column> insertColumns;
    private int batched;

    private final Database.Access access;

    public StoreLoader(String jdbcUrl) {
        this(jdbcUrl, null);
    }

    /**
     * Loads into {@code jdbcUrl} with {@code password} (null: the URL's or none); its statements
     * have no timeout (a restore's inserts and index checks may rightly run long).
     */
    public StoreLoader(String jdbcUrl, String password) {
        this.jdbcUrl = jdbcUrl;
        this.access = new Database.Access(null, password, java.time.Duration.ZERO);
    }

    /** Each table's rows and checksum, as checked in the target. */
    public Map<String, StoreCopy.TableSummary> loaded() {
        return loaded;
    }

    @Override
    public void start(StoreCopy.Header header) throws Exception {
        refuseNewerOrFilled(header.schemaVersion());
        db = Database.open(jdbcUrl, header.schemaVersion(), access);
        handle = db.jdbi().open();
        c = handle.getConnection();
        Map<String, Long> filled = StoreSchema.nonEmpty(c);
        if (!filled.isEmpty()) {
            throw notEmpty(filled);
        }
        targetTables = new LinkedHashMap<>();
        for (StoreSchema.Table t : StoreSchema.tables(c)) {
            targetTables.put(t.name(), t);
        }
        handle.begin();
        try (Statement s = c.createStatement()) {
            for (String seeded : StoreSchema.SEEDED.keySet()) {
                s.executeUpdate("DELETE FROM " + seeded);
            }
        }
    }

    @Override
    public void table(StoreCopy.TableStart table) throws SQLException {
        StoreSchema.Table target = targetTables.get(table.name());
        if (target == null) {
            throw new IllegalStateException(
                    "restore: the content has table " + table.name() + ", which the target's schema lacks");
        }
        insertColumns = new ArrayList<>();
        for (String column : table.columns()) {
            insertColumns.add(target.column(column)
                    .orElseThrow(() -> new IllegalStateException("restore: the content has column " + table.name() + "."
                            + column + ", which the target's schema lacks")));
        }
        columnsLoaded.put(table.name(), table.columns());
        insert = c.prepareStatement("INSERT INTO " + table.name() + " (" + String.join(", ", table.columns())
                + ") VALUES ("
                + String.join(
                        ", ", java.util.Collections.nCopies(table.columns().size(), "?")) + ")");
        batched = 0;
    }

    @Override
    public void row(List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            StoreValues.bind(insert, i + 1, values.get(i), insertColumns.get(i).jdbcType());
        }
        insert.addBatch();
        if (++batched == BATCH) {
            insert.executeBatch();
            batched = 0;
        }
    }

    @Override
    public void endTable(String table, StoreCopy.TableSummary expected) throws SQLException {
        if (batched > 0) {
            insert.executeBatch();
        }
        insert.close();
        StoreCopy.TableSummary found = StoreSnapshot.summarize(c, table, columnsLoaded.get(table));
        if (!found.equals(expected)) {
            throw new IllegalStateException("restore: table " + table + " does not match its source after loading: "
                    + found.rows() + " rows with checksum " + found.checksum() + ", expected " + expected.rows()
                    + " rows with checksum " + expected.checksum() + "; nothing was kept");
        }
        loaded.put(table, found);
    }

    @Override
    public void sequences(Map<String, Long> lastIssued) throws SQLException {
        ChangeSequence.passRestored(c, db.dialect());
        if (db.dialect() == Dialect.SQLITE) {
            for (Map.Entry<String, Long> e : lastIssued.entrySet()) {
                try (PreparedStatement update =
                                c.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = ?");
                        PreparedStatement add =
                                c.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
                    update.setLong(1, e.getValue());
                    update.setString(2, e.getKey());
                    if (update.executeUpdate() == 0 && e.getValue() > 0) {
                        add.setString(1, e.getKey());
                        add.setLong(2, e.getValue());
                        add.executeUpdate();
                    }
                }
            }
            return;
        }
        PostgresSequences.advance(c, lastIssued);
    }

    @Override
    public void finish() throws SQLException {
        handle.commit();
        closeQuietly();
        // Upgraded only once complete: an older backup becomes the newest schema the way any store does.
        Database.open(jdbcUrl, null, access).close();
    }

    /** Gives up a load that failed: nothing it inserted stays. */
    public void abandon() {
        if (handle != null && handle.isInTransaction()) {
            handle.rollback();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /** Refuses before migrating anything: a target at a newer schema, or one holding data. */
    private void refuseNewerOrFilled(String version) throws SQLException {
        if (Dialect.of(jdbcUrl) == Dialect.SQLITE && !java.nio.file.Files.exists(StoreSnapshot.sqliteFile(jdbcUrl))) {
            return;
        }
        try (Connection probe = StoreSnapshot.connect(jdbcUrl, access.password())) {
            Optional<String> current = StoreSchema.version(probe);
            if (current.isEmpty()) {
                List<StoreSchema.Table> tables = StoreSchema.tables(probe);
                if (!tables.isEmpty()) {
                    throw new IllegalStateException("restore: refusing " + StoreSnapshot.describe(jdbcUrl)
                            + ": it has tables ("
                            + tables.stream().map(StoreSchema.Table::name).toList()
                            + ") but no Paperboy schema; use a new, empty database");
                }
                return;
            }
            Map<String, Long> filled = StoreSchema.nonEmpty(probe);
            if (!filled.isEmpty()) {
                throw notEmpty(filled);
            }
            if (MigrationVersion.fromVersion(current.get()).compareTo(MigrationVersion.fromVersion(version)) > 0) {
                throw new IllegalStateException("restore: refusing " + StoreSnapshot.describe(jdbcUrl)
                        + ": its schema is already at version " + current.get() + " and the content is at version "
                        + version + "; use a new database with no tables (it is upgraded after the restore)");
            }
        }
    }

    private IllegalStateException notEmpty(Map<String, Long> filled) {
        return new IllegalStateException("restore: refusing " + StoreSnapshot.describe(jdbcUrl)
                + ": the target store is not empty ("
                + String.join(
                        ", ",
                        filled.entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue() + " rows")
                                .toList())
                + "); restore and migrate only fill an empty store");
    }
}
