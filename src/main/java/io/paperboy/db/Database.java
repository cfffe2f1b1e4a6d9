package io.paperboy.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
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
    /**
     * How long a request waits for a connection before it fails (a 503 page with Retry-After):
     * with the store away, HikariCP's default of 30 s held every request that long.
     */
    /** Connections per node on PostgreSQL unless --db-pool-size says otherwise (SQLite's pool is 4: one writer at a time). */
    public static final int DEFAULT_POOL_SIZE = 10;

    public static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(3);
    /**
     * How long one PostgreSQL statement may run before the server cancels it (SQLSTATE 57014),
     * unless {@code --db-statement-timeout} says otherwise. A page or API request that has waited
     * 30 s has been given up on by the visitor and by a balancer's usual server timeout; no
     * statement a serving node runs is meant to take that long (pages read a page's worth, counts
     * are capped); a statement held up by a lock or a stuck server then frees its connection
     * instead of keeping it for good. The long commands (backup, restore, migrate, import,
     * export, reindex) run without one by default, and migrations always do.
     */
    public static final java.time.Duration STATEMENT_TIMEOUT = java.time.Duration.ofSeconds(30);
    /**
     * How much longer than the statement timeout the driver waits for any byte from PostgreSQL
     * before it drops the connection (pgjdbc's socketTimeout): the server's own cancel comes
     * first with a clear error; this catches what the server cannot, a network partition or a
     * frozen server, where nothing ever arrives.
     */
    public static final java.time.Duration SOCKET_TIMEOUT_MARGIN = java.time.Duration.ofSeconds(10);
    /**
     * How much longer than the statement timeout a connection may stay out of the pool before
     * HikariCP logs a warning with the stack trace of whoever borrowed it ("Connection leak
     * detection triggered … stack trace follows", logger {@code com.zaxxer.hikari.pool.ProxyLeakTask},
     * and "Previously reported leaked connection … was returned" if it comes back): no statement
     * runs longer than the timeout, so a connection held that long is held by a caller doing
     * something else (a leak, or a wait with the connection in hand). Off when statements have no
     * timeout (the long commands), where holding one for minutes is the point.
     */
    public static final java.time.Duration LEAK_MARGIN = java.time.Duration.ofSeconds(30);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        Timestamps.register(jdbi);
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
        return open(jdbcUrl, version, Access.DEFAULT);
    }

    /**
     * How a node reaches the store beyond its URL: the pool's size on PostgreSQL (null: {@value
     * #DEFAULT_POOL_SIZE}) and the password (null: the URL's or none), kept out of the URL so that
     * it never shows on a command line or in a logged URL.
     */
    public record Access(Integer poolSize, String password, java.time.Duration statementTimeout) {
        public static final Access DEFAULT = new Access(null, null);

        public Access {
            // Flyway holds two connections at once while it migrates: a pool of one waits for itself.
            if (poolSize != null && (poolSize < 2 || poolSize > 1000)) {
                throw new IllegalArgumentException("--db-pool-size must be 2 to 1000 connections, not " + poolSize);
            }
            if (statementTimeout != null
                    && (statementTimeout.isNegative() || statementTimeout.toMillis() > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(
                        "--db-statement-timeout must be 0 (none) or a positive duration, not " + statementTimeout);
            }
        }

        /** The default statement timeout ({@link #STATEMENT_TIMEOUT}). */
        public Access(Integer poolSize, String password) {
            this(poolSize, password, null);
        }

        /** The statement timeout in force: the one given, else {@link #STATEMENT_TIMEOUT}; zero is none. */
        public java.time.Duration statementTimeoutOrDefault() {
            return statementTimeout == null ? STATEMENT_TIMEOUT : statementTimeout;
        }

        @Override
        public String toString() {
            return "Access[poolSize=" + poolSize + ", password=" + (password == null ? "none" : "(hidden)")
                    + ", statementTimeout=" + statementTimeoutOrDefault() + "]";
        }
    }

    /** The same with a pool size and password of the operator's choosing. */
    public static Database open(String jdbcUrl, String version, Access access) {
        Dialect dialect = Dialect.of(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            createParentFolder(jdbcUrl);
        }
        HikariDataSource dataSource = new HikariDataSource(poolConfig(jdbcUrl, dialect, access));
        try {
            migrate(jdbcUrl, dialect, access, version);
            return new Database(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    // Migrations (an index built over every paper, say) may rightly run longer than any statement
    // timeout: they get connections of their own without one, so none of them lingers in the pool.
    private static void migrate(String jdbcUrl, Dialect dialect, Access access, String version) {
        Access unbounded = new Access(null, access.password(), java.time.Duration.ZERO);
        HikariConfig config = poolConfig(jdbcUrl, dialect, unbounded);
        config.setPoolName(config.getPoolName() + "-migrate");
        config.setMaximumPoolSize(2);
        try (HikariDataSource migrations = new HikariDataSource(config)) {
            Migrations.configure(dialect)
                    .dataSource(migrations)
                    .target(version == null ? "latest" : version)
                    .load()
                    .migrate();
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

    /** Connections this node's pool holds at most. */
    public int poolSize() {
        return dataSource.getMaximumPoolSize();
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

    private static HikariConfig poolConfig(String jdbcUrl, Dialect dialect, Access access) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("paperboy-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Math.min(1000, CONNECTION_TIMEOUT.toMillis()));
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
            // An unreachable host (not just a stopped server) fails within the same bound; a URL parameter overrides
            // it.
            config.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
            config.setMaximumPoolSize(access.poolSize() == null ? DEFAULT_POOL_SIZE : access.poolSize());
            long timeoutMs = access.statementTimeoutOrDefault().toMillis();
            // Set on each new connection (not as a startup option, which a URL's own options= would replace).
            config.setConnectionInitSql("SET statement_timeout = " + timeoutMs);
            // In seconds; 0 is none. Without a statement timeout, TCP keepalive still ends a dead connection.
            config.addDataSourceProperty(
                    "socketTimeout",
                    Long.toString(timeoutMs == 0 ? 0 : (timeoutMs + SOCKET_TIMEOUT_MARGIN.toMillis() + 999) / 1000));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            if (timeoutMs > 0) {
                config.setLeakDetectionThreshold(timeoutMs + LEAK_MARGIN.toMillis());
            }
            if (access.password() != null) {
                config.setPassword(access.password());
            }
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
