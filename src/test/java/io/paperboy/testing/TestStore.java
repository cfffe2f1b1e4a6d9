package io.paperboy.testing;

import io.paperboy.db.Database;
import java.nio.file.Path;

/** The two real stores every store test runs against: an SQLite file and a PostgreSQL server. */
public enum TestStore {
    SQLITE,
    POSTGRESQL;

    /** A JDBC URL of a new, empty database. */
    public String newDatabaseUrl(Path tempDir) {
        return switch (this) {
            case SQLITE -> Database.sqliteUrl(tempDir.resolve("paperboy-" + System.nanoTime() + ".db"));
            case POSTGRESQL -> EmbeddedPostgres.shared().createDatabase("paperboy");
        };
    }

    public Database open(Path tempDir) {
        return Database.open(newDatabaseUrl(tempDir));
    }
}
