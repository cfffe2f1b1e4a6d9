package io.paperboy.app;

import io.paperboy.db.Database;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the store lives: {@code --data DIR} and {@code --db URL}, shared by every command. */
final class StoreOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Data folder (SQLite file, index, mail). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "JDBC URL of the store. Default: an SQLite file in the data folder; "
                    + "a jdbc:postgresql://HOST/DB?user=NAME URL selects PostgreSQL (its password: PAPERBOY_DB_PASSWORD "
                    + "or --db-password-file; a URL with password= is refused on the command line).")
    String dbUrl;

    @Option(
            names = "--db-pool-size",
            paramLabel = "N",
            description = "Connections this process keeps to PostgreSQL at most (default " + Database.DEFAULT_POOL_SIZE
                    + "). Every node and command run counts against PostgreSQL's max_connections (100 by default): "
                    + "see docs/operations.md on PgBouncer.")
    Integer poolSize;

    @Option(
            names = "--db-statement-timeout",
            paramLabel = "DURATION",
            converter = StoreOptions.Timeout.class,
            description =
                    "How long one PostgreSQL statement may run before the server cancels it (30s, 2min, 1h; 0: no "
                            + "limit). Default 30s, so a request held up by a lock or a lost server answers 503 instead of "
                            + "hanging; backup, restore, migrate, import, export and reindex default to no limit (their "
                            + "statements may rightly run long), and migrations never have one. The driver also drops a "
                            + "connection silent for 10 s longer than this (a network partition).")
    java.time.Duration statementTimeout;

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            description =
                    "Read the store's password from this file's first line. Or set PAPERBOY_DB_PASSWORD. "
                            + "There is no option for the password itself: a command line is visible to every user of the machine.")
    Path passwordFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    String jdbcUrl() {
        refusePasswordOnCommandLine(spec, "--db", dbUrl, "PAPERBOY_DB_PASSWORD or --db-password-file");
        return dbUrl != null ? dbUrl : Database.sqliteUrl(dataDir.resolve("paperboy.db"));
    }

    /**
     * Refuses a JDBC URL given on the command line with a password in it: any user of the
     * machine reads a command line ({@code ps}, /proc). From the environment ({@code PAPERBOY_DB})
     * it is not on show, so it is taken.
     */
    static void refusePasswordOnCommandLine(CommandSpec spec, String option, String url, String instead) {
        if (url != null
                && hasPassword(url)
                && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    option + ": the URL holds a password, "
                            + "which every user of this machine can read in the process list; leave it out of the URL and give it "
                            + "as " + instead);
        }
    }

    static boolean hasPassword(String url) {
        int query = url.indexOf('?');
        return query >= 0
                && java.util.Arrays.stream(url.substring(query + 1).split("[&;]"))
                        .anyMatch(p -> p.toLowerCase(java.util.Locale.ROOT).startsWith("password="));
    }

    /** The search index's folder: {@code DIR/index}. */
    Path indexDir() {
        return dataDir.resolve("index");
    }

    Database open() {
        return Database.open(jdbcUrl(), null, access());
    }

    /** Commands whose statements may rightly run long: no statement timeout unless one is given. */
    static final java.util.Set<String> LONG_COMMANDS =
            java.util.Set.of("backup", "restore", "migrate", "import", "export", "reindex");

    Database.Access access() {
        java.time.Duration timeout = statementTimeout != null
                ? statementTimeout
                : LONG_COMMANDS.contains(spec.commandLine().getCommandName()) ? java.time.Duration.ZERO : null;
        return new Database.Access(poolSize, environment().secret("PAPERBOY_DB_PASSWORD", passwordFile), timeout);
    }

    /** 30s, 500ms, 2min, 1h, or 0 for none. */
    static final class Timeout implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
        private static final java.util.regex.Pattern FORM =
                java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)?");

        @Override
        public java.time.Duration convert(String value) {
            java.util.regex.Matcher m = FORM.matcher(value.trim());
            if (!m.matches() || (m.group(2) == null && !m.group(1).equals("0"))) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a duration: give a number with a unit (500ms, 30s, 2min, 1h), or 0 for no limit");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> java.time.Duration.ofMillis(n);
                case "min" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofSeconds(n);
            };
        }
    }

    EnvironmentDefaults environment() {
        return spec.commandLine().getDefaultValueProvider() instanceof EnvironmentDefaults env
                ? env
                : new EnvironmentDefaults(System.getenv());
    }
}
