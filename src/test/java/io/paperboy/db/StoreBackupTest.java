package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.testing.Poll;
import io.paperboy.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** paperboy backup / restore: every table, one consistent moment while writes go on, into either kind of store. */
final class StoreBackupTest {
    private static final int BULK_PAPERS = 3000;
    private static final String PROGRESS = "test-progress";

    @TempDir
    Path dir;

    static Stream<Arguments> sourcesAndTargets() {
        return Stream.of(TestStore.values())
                .flatMap(from -> Stream.of(TestStore.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sourcesAndTargets")
    void backupWhileWriting_restoresEveryRowOfEveryTable_asOfOneMoment(TestStore from, TestStore to) throws Exception {
        Path file = dir.resolve("site.backup.gz");
        String targetUrl = to.newDatabaseUrl(dir);
        try (Database source = from.open(dir);
                ExecutorService writers = Executors.newSingleThreadExecutor()) {
            source.withHandle(h -> StoreFixture.insert(h.getConnection(), Set.of()));
            addBulkPapers(source);
            AtomicLong progress = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Map<Long, Long> commentOfWrite = new ConcurrentHashMap<>();
            Future<?> writing = writers.submit(() -> write(source, progress, stop, commentOfWrite));
            waitFor(() -> progress.get() >= 5 || writing.isDone());
            assertThat(writing.isDone()).as("the writer stopped early").isFalse();

            long before = progress.get();
            StoreTransfer.backup(urlOf(source, from), file);
            long after = progress.get();
            stop.set(true);
            writing.get();

            StoreTransfer.restore(file, targetUrl);
            try (Connection restored = DriverManager.getConnection(targetUrl);
                    Connection src = DriverManager.getConnection(urlOf(source, from))) {
                long snapshot = Long.parseLong(secret(restored, PROGRESS));
                // The snapshot holds every write committed before the backup began, none after it ended.
                assertThat(snapshot).isBetween(before, after);
                assertThat(after).as("writes committed while the backup ran").isGreaterThan(before);
                undoWritesAfter(src, snapshot, commentOfWrite);

                StoreFixture.assertSameContent(src, restored);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sourcesAndTargets")
    void restoredStore_handsOutIdsAfterTheRestoredOnes_andIsAtTheNewestSchema(TestStore from, TestStore to)
            throws Exception {
        Path file = dir.resolve("site.backup.gz");
        String targetUrl = to.newDatabaseUrl(dir);
        try (Database source = from.open(dir)) {
            source.withHandle(h -> StoreFixture.insert(h.getConnection(), Set.of()));
            StoreTransfer.backup(urlOf(source, from), file);
        }
        StoreTransfer.restore(file, targetUrl);

        try (Database restored = Database.open(targetUrl)) {
            long user = restored.withHandle(h -> h.createUpdate(
                            "INSERT INTO users (email, name, display_name, password_hash, "
                                    + "created_at) VALUES ('new@example.org', 'new', 'New', 'x', '2026-01-01T00:00:00Z')")
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
            assertThat(user).isGreaterThan(105L);
            long comment =
                    restored.withHandle(h -> h.createUpdate("INSERT INTO comments (paper_id, author_id, author_name, "
                                    + "body, created_at) VALUES (:p, 101, 'alice', 'new', '2026-01-01T00:00:00Z')")
                            .bind("p", StoreFixture.P1)
                            .executeAndReturnGeneratedKeys("id")
                            .mapTo(Long.class)
                            .one());
            assertThat(comment).isGreaterThan(9004L);
        }
    }

    @Test
    void everyTableOfTheSchema_isInTheFixture_orExcludedWithAReason() throws Exception {
        try (Database db = TestStore.SQLITE.open(dir)) {
            List<String> tables = db.withHandle(h -> StoreSchema.tables(h.getConnection())).stream()
                    .map(StoreSchema.Table::name)
                    .toList();
            // A new table must be carried by backups (rows in StoreFixture prove it) or excluded on purpose.
            assertThat(tables)
                    .allSatisfy(
                            t -> assertThat(StoreFixture.tables().contains(t) || StoreSchema.EXCLUDED.containsKey(t))
                                    .as(
                                            "table %s: add rows for it to StoreFixture, or list it in StoreSchema.EXCLUDED with why",
                                            t)
                                    .isTrue());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TestStore.class)
    void restoreIntoAStoreWithData_isRefused_andLeavesItAsItWas(TestStore to) throws Exception {
        Path file = dir.resolve("site.backup.gz");
        try (Database source = TestStore.SQLITE.open(dir)) {
            source.withHandle(h -> StoreFixture.insert(h.getConnection(), Set.of()));
            StoreTransfer.backup(urlOf(source, TestStore.SQLITE), file);
        }
        String targetUrl = to.newDatabaseUrl(dir);
        try (Database target = Database.open(targetUrl)) {
            target.useTransaction(h -> h.execute("INSERT INTO site_secrets (name, value) VALUES ('csrf', 'other')"));
        }

        assertThatThrownBy(() -> StoreTransfer.restore(file, targetUrl))
                .hasMessageContaining("the target store is not empty (site_secrets: 1 rows)");
        try (Connection c = DriverManager.getConnection(targetUrl)) {
            assertThat(StoreSchema.nonEmpty(c)).isEqualTo(Map.of("site_secrets", 1L));
        }
    }

    @Test
    void backupOfAMistypedSqlitePath_saysSo_andCreatesNoDatabaseThere() {
        Path missing = dir.resolve("no-such-data").resolve("paperboy.db");
        dir.resolve("no-such-data").toFile().mkdirs();

        assertThatThrownBy(() -> StoreTransfer.backup(Database.sqliteUrl(missing), dir.resolve("x.backup.gz")))
                .hasMessageContaining("backup: no store at " + missing.toAbsolutePath());
        assertThat(missing).doesNotExist();
        assertThat(dir.resolve("x.backup.gz")).doesNotExist();
    }

    @Test
    void backupCutShort_isRefused_andTheTargetStaysEmpty() throws Exception {
        Path file = dir.resolve("site.backup.gz");
        try (Database source = TestStore.SQLITE.open(dir)) {
            source.withHandle(h -> StoreFixture.insert(h.getConnection(), Set.of()));
            StoreTransfer.backup(urlOf(source, TestStore.SQLITE), file);
        }
        Path cut = dir.resolve("cut.backup.gz");
        List<String> lines;
        try (var in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(cut)), StandardCharsets.UTF_8)) {
            out.write(String.join("\n", lines.subList(0, lines.size() - 3)) + "\n");
        }
        String targetUrl = TestStore.POSTGRESQL.newDatabaseUrl(dir);

        assertThatThrownBy(() -> StoreTransfer.restore(cut, targetUrl)).hasMessageContaining("the file was cut short");
        try (Connection c = DriverManager.getConnection(targetUrl)) {
            assertThat(StoreSchema.nonEmpty(c)).isEmpty();
        }
    }

    private static String urlOf(Database db, TestStore kind) {
        return db.withHandle(h -> {
            try {
                return h.getConnection().getMetaData().getURL();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void addBulkPapers(Database db) {
        db.useTransaction(h -> {
            var batch = h.prepareBatch("INSERT INTO papers (id, title, abstract, change_seq, created_at, modified_at) "
                    + "VALUES (:id, :title, :abstract, :seq, '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z')");
            for (int i = 0; i < BULK_PAPERS; i++) {
                batch.bind("id", "bulk-" + i)
                        .bind("title", "Bulk paper " + i)
                        .bind("abstract", "An abstract long enough to take some room. ".repeat(8))
                        .bind("seq", 1000L + i)
                        .add();
            }
            batch.execute();
            // As a real write would: the site's change number passes the rows' (a restore moves it past them anyway).
            h.createUpdate("UPDATE change_counter SET value = :seq WHERE id = 1")
                    .bind("seq", 1000L + BULK_PAPERS - 1)
                    .execute();
        });
    }

    /** One write per transaction: a comment, its paper's count, and the number of writes so far. */
    private static void write(Database db, AtomicLong progress, AtomicBoolean stop, Map<Long, Long> commentOfWrite) {
        for (long k = 1; !stop.get(); k++) {
            long n = k;
            long comment = db.inTransaction(h -> {
                long id = h.createUpdate("INSERT INTO comments (paper_id, author_id, author_name, body, created_at) "
                                + "VALUES (:p, 101, 'alice', :body, '2025-03-01T00:00:00Z')")
                        .bind("p", StoreFixture.P1)
                        .bind("body", "w-" + n)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                h.createUpdate("UPDATE comment_counts SET visible = visible + 1 WHERE paper_id = :p")
                        .bind("p", StoreFixture.P1)
                        .execute();
                h.createUpdate("DELETE FROM site_secrets WHERE name = :n")
                        .bind("n", PROGRESS)
                        .execute();
                h.createUpdate("INSERT INTO site_secrets (name, value) VALUES (:n, :v)")
                        .bind("n", PROGRESS)
                        .bind("v", Long.toString(n))
                        .execute();
                return id;
            });
            commentOfWrite.put(n, comment);
            progress.set(n);
        }
    }

    /** Takes the source back to the snapshot's moment by undoing the writes after it. */
    private static void undoWritesAfter(Connection c, long snapshot, Map<Long, Long> commentOfWrite) throws Exception {
        for (Map.Entry<Long, Long> write : commentOfWrite.entrySet()) {
            if (write.getKey() > snapshot) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM comments WHERE id = ?")) {
                    ps.setLong(1, write.getValue());
                    ps.executeUpdate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE comment_counts SET visible = ? WHERE paper_id = ?")) {
            ps.setLong(1, 2 + snapshot); // the fixture's two visible comments
            ps.setString(2, StoreFixture.P1);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE site_secrets SET value = ? WHERE name = ?")) {
            ps.setString(1, Long.toString(snapshot));
            ps.setString(2, PROGRESS);
            ps.executeUpdate();
        }
    }

    private static String secret(Connection c, String name) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM site_secrets WHERE name = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("secret %s restored", name).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        assertThat(Poll.until(Duration.ofSeconds(30), condition::getAsBoolean, met -> met))
                .as("waited 30 s")
                .isTrue();
    }
}
