package io.paperboy.db;

import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The store's schema: one tree of Flyway migrations for both engines.
 *
 * <p>Each version is written once, in {@value #SHARED}, with a placeholder where the engines spell
 * a column differently ({@code ${id}}, {@code ${blob}}, {@code ${double}}; see {@link #placeholders}).
 * Two versions stay in a folder of their engine's, {@code db/migration/sqlite} and
 * {@code db/migration/postgresql}, because they do more than spell a column differently: V17 makes
 * a table that Bucket4j's PostgreSQL module fills in two steps (nullable there, not on SQLite, and
 * each script's comment says who writes it), V37 makes PostgreSQL's change-number sequence, which
 * SQLite has no counterpart for. A version is in the shared folder or in both engine folders,
 * never both.
 *
 * <p>Stores made before the tree was one (two trees, one per engine, differing in those few lines)
 * hold in Flyway's history the checksum of each engine's own script. Flyway checksums a versioned
 * script as written, placeholders and all, which matches neither; {@link RunSqlChecksums} gives
 * each migration the checksum of the SQL it runs on this engine instead, which is byte for byte
 * the old engine's script, so those histories validate unchanged, nothing is re-run or rewritten,
 * and a node of an older build still validates a store this build made or upgraded (a rolling
 * upgrade, or going back).
 */
final class Migrations {
    /** The classpath folder of the migrations both engines run. */
    static final String SHARED = "db/migration/shared";

    private Migrations() {}

    /**
     * What each placeholder stands for on {@code dialect}. Never change a value, nor the text of a
     * migration: either changes the checksum of a migration that stores have applied, and Flyway
     * then refuses to start them. A new difference between the engines gets a new placeholder.
     */
    static Map<String, String> placeholders(Dialect dialect) {
        return switch (dialect) {
            case SQLITE ->
                Map.of(
                        "id", "INTEGER PRIMARY KEY AUTOINCREMENT",
                        "blob", "BLOB",
                        "double", "REAL");
            case POSTGRESQL ->
                Map.of(
                        "id", "BIGSERIAL PRIMARY KEY",
                        "blob", "BYTEA",
                        "double", "DOUBLE PRECISION");
        };
    }

    /** Flyway set up for {@code dialect}'s migrations; the caller adds the data source and target. */
    static FluentConfiguration configure(Dialect dialect) {
        return Flyway.configure()
                .locations("classpath:" + SHARED, "classpath:" + engineFolder(dialect))
                .placeholders(placeholders(dialect))
                .skipDefaultResolvers(true)
                .resolvers(new RunSqlChecksums());
    }

    /** The classpath folder of the versions only {@code dialect} runs. */
    static String engineFolder(Dialect dialect) {
        return "db/migration/" + dialect.name().toLowerCase(Locale.ROOT);
    }
}
