package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.testing.TestStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one migration tree against the two it replaced (one per engine, up to V39): this build writes
 * the history those wrote, and a store holding that history validates, upgrades and keeps every row.
 */
final class MigrationTreeTest {
    /** The history stores of the two trees hold, as Flyway wrote it (src/test/resources/db/two-trees-history.tsv). */
    private record Applied(String version, String description, String type, String script, int checksum) {}

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aNewStore_recordsForEveryVersionOfTheTwoTrees_theirDescriptionScriptAndChecksum(TestStore kind)
            throws Exception {
        String url = kind.newDatabaseUrl(dir);
        Database.open(url).close();

        List<Applied> twoTrees = twoTreesHistory(Dialect.of(url));
        assertThat(twoTrees).hasSize(29);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(history(c).subList(0, twoTrees.size())).isEqualTo(twoTrees);
        }
    }

    @ParameterizedTest
    @CsvSource({"SQLITE, 1", "SQLITE, 16", "SQLITE, 39", "POSTGRESQL, 1", "POSTGRESQL, 16", "POSTGRESQL, 39"})
    void aStoreHoldingTheTwoTreesHistory_validatesAndUpgrades_rerunningRewritingAndLosingNothing(
            TestStore kind, String version) throws Exception {
        String url = kind.newDatabaseUrl(dir);
        Dialect dialect = Dialect.of(url);
        // Made by Flyway alone, without this build's resolver; then its history is made the two trees' to the letter.
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:" + Migrations.SHARED, "classpath:" + Migrations.engineFolder(dialect))
                .placeholders(Migrations.placeholders(dialect))
                .target(version)
                .load()
                .migrate();
        Map<String, List<Map<String, Object>>> inserted;
        List<Map<String, Object>> before;
        try (Connection c = DriverManager.getConnection(url)) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE " + StoreSchema.FLYWAY_HISTORY + " SET checksum = ? WHERE version = ?")) {
                for (Applied applied : twoTreesHistory(dialect)) {
                    update.setInt(1, applied.checksum());
                    update.setString(2, applied.version());
                    update.executeUpdate();
                }
            }
            List<Applied> upTo = twoTreesHistory(dialect).stream()
                    .takeWhile(a -> Integer.parseInt(a.version()) <= Integer.parseInt(version))
                    .toList();
            assertThat(history(c))
                    .as("the store's history is the two trees' up to V%s", version)
                    .isEqualTo(upTo);
            inserted = StoreFixture.insert(c, Set.of());
            before = StoreFixture.rows(c, StoreSchema.FLYWAY_HISTORY);
        }

        Database.open(url).close();

        try (Connection c = DriverManager.getConnection(url)) {
            List<Map<String, Object>> after = StoreFixture.rows(c, StoreSchema.FLYWAY_HISTORY);
            assertThat(after)
                    .as("every applied migration's row, checksum and time as it was")
                    .containsAll(before);
            List<String> versions = after.stream()
                    .map(row -> String.valueOf(row.get("version")))
                    .toList();
            assertThat(versions).as("each version applied once").doesNotHaveDuplicates();
            assertThat(StoreSchema.version(c)).contains(newest(dialect));
            assertThat(history(c)).as("the history of a store this build made").isEqualTo(newStoreHistory(kind));
            StoreFixture.assertEveryRowKept(c, inserted, "after upgrading from V" + version);
        }
    }

    @Test
    void bothEngines_runTheSameVersions() {
        assertThat(versions(Dialect.SQLITE)).hasSizeGreaterThanOrEqualTo(29).isEqualTo(versions(Dialect.POSTGRESQL));
    }

    @Test
    void aPlaceholderWithoutValue_namesTheScriptAndThePlaceholder() {
        assertThatThrownBy(() ->
                        RunSqlChecksums.checksum("V99__x.sql", "CREATE TABLE t (id ${idd});", Map.of("id", "INT")))
                .hasMessage(
                        "V99__x.sql uses the placeholder ${idd}, which has no value (see io.paperboy.db.Migrations.placeholders)");
    }

    @Test
    void theChecksum_isOfTheSqlAsRun_notOfHowItIsWritten() {
        int asRun = RunSqlChecksums.checksum("V99__x.sql", "CREATE TABLE t (\r\n  id BIGSERIAL\n);", Map.of());
        assertThat(RunSqlChecksums.checksum(
                        "V99__x.sql", "CREATE TABLE t (\n  id ${id}\n);", Map.of("id", "BIGSERIAL")))
                .isEqualTo(asRun);
        assertThat(RunSqlChecksums.checksum(
                        "V99__x.sql", "\uFEFFCREATE TABLE t (\n  id ${id}\n);\n", Map.of("id", "BIGSERIAL")))
                .as("a byte order mark and line ends do not count, as in Flyway")
                .isEqualTo(asRun);
        assertThat(RunSqlChecksums.checksum("V99__x.sql", "CREATE TABLE t (\n  id ${id}\n);", Map.of("id", "INTEGER")))
                .isNotEqualTo(asRun);
    }

    private List<Applied> newStoreHistory(TestStore kind) throws SQLException {
        String url = kind.newDatabaseUrl(dir);
        Database.open(url).close();
        try (Connection c = DriverManager.getConnection(url)) {
            return history(c);
        }
    }

    private String newest(Dialect dialect) {
        return versions(dialect).getLast();
    }

    private List<String> versions(Dialect dialect) {
        String url = Database.sqliteUrl(dir.resolve("versions-" + System.nanoTime() + ".db"));
        List<String> versions = new ArrayList<>();
        for (MigrationInfo info : Migrations.configure(dialect)
                .dataSource(url, null, null)
                .load()
                .info()
                .all()) {
            versions.add(info.getVersion().getVersion());
        }
        return versions;
    }

    private static List<Applied> history(Connection c) throws SQLException {
        List<Applied> history = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, description, type, script, checksum FROM "
                        + StoreSchema.FLYWAY_HISTORY + " WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                history.add(
                        new Applied(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            }
        }
        return history;
    }

    private static List<Applied> twoTreesHistory(Dialect dialect) throws IOException {
        try (InputStream in = MigrationTreeTest.class.getResourceAsStream("/db/two-trees-history.tsv")) {
            String engine = dialect.name().toLowerCase(Locale.ROOT);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.startsWith(engine + "\t"))
                    .map(line -> line.split("\t"))
                    .map(f -> new Applied(f[1], f[2], f[3], f[4], Integer.parseInt(f[5])))
                    .toList();
        }
    }
}
