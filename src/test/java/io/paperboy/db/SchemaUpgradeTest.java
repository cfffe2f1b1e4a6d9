package io.paperboy.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A store made at each earlier schema version, with rows in every table it has, upgrades to the newest losing nothing. */
final class SchemaUpgradeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void storeAtEveryEarlierVersion_withRowsInEveryTable_upgradesToTheNewest_keepingEveryRow(TestStore kind)
            throws Exception {
        List<String> versions = versions(kind);
        String newest = versions.getLast();
        assertThat(versions).hasSizeGreaterThan(10);

        for (String version : versions.subList(0, versions.size() - 1)) {
            String url = kind.newDatabaseUrl(dir);
            Map<String, List<Map<String, Object>>> inserted;
            try (Database db = Database.open(url, version)) {
                inserted = db.withHandle(h -> {
                    Connection c = h.getConnection();
                    assertThat(StoreSchema.version(c)).contains(version);
                    // Every table there is at this version holds rows, transient (excluded) ones aside.
                    assertThat(StoreFixture.tables())
                            .as("fixture covers every table at version %s", version)
                            .containsAll(StoreSchema.tables(c).stream()
                                    .map(StoreSchema.Table::name)
                                    .filter(t -> !StoreSchema.EXCLUDED.containsKey(t))
                                    .toList());
                    return StoreFixture.insert(c, Set.of());
                });
            }

            Database.open(url).close();

            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(StoreSchema.version(c))
                        .as("upgraded from %s", version)
                        .contains(newest);
                StoreFixture.assertEveryRowKept(c, inserted, "after upgrading from version " + version);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void stampsWithFractionalSeconds_areCutToWholeSeconds_soTextOrderIsTimeOrder(TestStore kind) throws Exception {
        String url = kind.newDatabaseUrl(dir);
        try (Database db = Database.open(url, "32")) {
            db.useTransaction(h -> {
                // As Instant.toString() wrote them: the later claim sorted first as text ('.' < 'Z').
                h.execute(
                        "INSERT INTO job_runs (job, run_key, node, claimed_at) VALUES ('j', '2025-01-01', 'n', '2025-01-01T03:00:00Z')");
                h.execute(
                        "INSERT INTO job_runs (job, run_key, node, claimed_at, finished_at) "
                                + "VALUES ('j', '2025-01-02', 'n', '2025-01-01T03:00:00.123456789Z', '2025-01-01T03:00:01.5Z')");
            });
        }

        try (Database db = Database.open(url)) {
            String stamps = db.withHandle(h -> h.createQuery(
                            "SELECT claimed_at || ' ' || finished_at FROM job_runs WHERE run_key = '2025-01-02'")
                    .mapTo(String.class)
                    .one());
            assertThat(stamps).isEqualTo("2025-01-01T03:00:00Z 2025-01-01T03:00:01Z");
            assertThat(new io.paperboy.jobs.JobRuns(db)
                            .latest("j")
                            .orElseThrow()
                            .runKey())
                    .isEqualTo("2025-01-02");
        }
    }

    /** Every migration version of this store kind, oldest first. */
    private List<String> versions(TestStore kind) {
        String url = kind.newDatabaseUrl(dir);
        Flyway flyway = Migrations.configure(Dialect.of(url))
                .dataSource(url, null, null)
                .load();
        List<String> versions = new ArrayList<>();
        for (MigrationInfo info : flyway.info().all()) {
            versions.add(info.getVersion().getVersion());
        }
        return versions;
    }
}
