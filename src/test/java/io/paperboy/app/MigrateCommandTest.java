package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.db.StoreFixture;
import io.paperboy.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** paperboy migrate --to: a demo site with members, votes, comments and subscriptions, SQLite → PostgreSQL → SQLite. */
final class MigrateCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoSite_sqliteToPostgresqlAndBack_carriesEveryRowOfEveryTable() throws Exception {
        Path data = dir.resolve("data");
        String sqlite = Database.sqliteUrl(data.resolve("paperboy.db"));
        try (Database db = Database.open(sqlite)) {
            new DemoSite(
                            db,
                            data,
                            Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC),
                            new PrintStream(new ByteArrayOutputStream()))
                    .layOut();
            // What the demo has no rows for (subscriptions, outbox, claims, tokens, …) comes from the fixture.
            db.withHandle(h -> StoreFixture.insert(h.getConnection(), Set.of("change_counter")));
        }
        String postgres = TestStore.POSTGRESQL.newDatabaseUrl(dir);
        String back = Database.sqliteUrl(dir.resolve("back.db"));

        assertThat(Main.run("migrate", "--data", data.toString(), "--to", postgres))
                .isZero();
        assertThat(Main.run("migrate", "--db", postgres, "--to", back)).isZero();

        try (Connection original = DriverManager.getConnection(sqlite);
                Connection inPostgres = DriverManager.getConnection(postgres);
                Connection roundTrip = DriverManager.getConnection(back)) {
            assertThat(StoreFixture.rows(original, "votes")).hasSizeGreaterThan(50);
            assertThat(StoreFixture.rows(original, "comments")).hasSizeGreaterThan(5);
            StoreFixture.assertSameContent(original, inPostgres);
            StoreFixture.assertSameContent(original, roundTrip);
        }
    }

    @Test
    void migrateIntoAStoreThatHoldsData_isRefusedWithTheReason() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(Database.sqliteUrl(data.resolve("paperboy.db")))) {
            db.withHandle(h -> StoreFixture.insert(h.getConnection(), Set.of()));
        }
        String postgres = TestStore.POSTGRESQL.newDatabaseUrl(dir);
        assertThat(Main.run("migrate", "--data", data.toString(), "--to", postgres))
                .isZero();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("migrate", "--data", data.toString(), "--to", postgres);
        } finally {
            System.setErr(original);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the target store is not empty (")
                .contains("users: 3 rows")
                .contains("restore and migrate only fill an empty store");
    }
}
