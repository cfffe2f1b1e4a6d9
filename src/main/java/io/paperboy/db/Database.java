package io.paperboy.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The store: a connection pool on SQLite or PostgreSQL, migrated to the current schema on open.
 *
 * <p>SQLite runs in WAL mode (readers never block the single writer), with foreign keys on and a
 * busy timeout so concurrent writers wait instead of failing; {@code synchronous=NORMAL} is the
 * documented safe pairing with WAL (a power cut may lose the last commits, never corrupt).
 * Transactions begin IMMEDIATE, taking the write lock up front: a deferred transaction that reads
 * and then writes cannot wait for a writer that committed after its read (SQLite answers
 * SQLITE_BUSY at once, busy timeout or not), as concurrent sign-ups did in VoteConcurrencyTest.
 */
public final class Database implements AutoCloseable {
    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the database at {@code jdbcUrl} and applies pending migrations. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /**
     * Opens the database at {@code jdbcUrl} and migrates it up to schema {@code version} only
     * (null: the newest); a restore fills a store at its backup's version before upgrading it.
     */
    public static Database open(String jdbcUrl, String version) {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            createParentFolder(jdbcUrl);
        }
        HikariDataSource dataSource = new HikariDataSource(poolConfig(jdbcUrl, dialect));
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + dialect.migrations())
                    .target(version == null ? "latest" : version)
                    .load()
                    .migrate();
            return new Database(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pool itself, for libraries that speak JDBC (Bucket4j's PostgreSQL buckets). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
        return jdbi.inTransaction(work);
    }

    public <R, X extends Exception> R withHandle(HandleCallback<R, X> work) throws X {
        return jdbi.withHandle(work);
    }

    /** Runs {@code work} in a transaction, for callers that return nothing. */
    public void useTransaction(java.util.function.Consumer<Handle> work) {
        jdbi.useTransaction(work::accept);
    }

    /** The store's size on disk in bytes (SQLite: the file's pages; PostgreSQL: the database). */
    public long sizeBytes() {
        String sql = dialect == Dialect.SQLITE
                ? "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
                : "SELECT pg_database_size(current_database())";
        return withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariConfig poolConfig(String jdbcUrl, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("paperboy-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
        if (dialect == Dialect.SQLITE) {
            Properties pragmas = new Properties();
            pragmas.setProperty("journal_mode", "WAL");
            pragmas.setProperty("synchronous", "NORMAL");
            pragmas.setProperty("foreign_keys", "true");
            pragmas.setProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            pragmas.setProperty("transaction_mode", "IMMEDIATE");
            config.setDataSourceProperties(pragmas);
            config.setMaximumPoolSize(4);
        } else {
            // pgjdbc sends a JDBC batch as one multi-row INSERT with this on: several times faster imports.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.setMaximumPoolSize(10);
        }
        return config;
    }

    private static void createParentFolder(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query >= 0 ? rest.substring(0, query) : rest;
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data folder " + parent + ": " + e.getMessage(), e);
        }
    }
}
