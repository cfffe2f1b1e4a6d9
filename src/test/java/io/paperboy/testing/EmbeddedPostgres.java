package io.paperboy.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A real PostgreSQL 17 server for tests, run from the zonky binaries jar with nothing installed on the system. */
public final class EmbeddedPostgres {
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final String SERVER_SETTINGS =
            "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    private static final int START_ATTEMPTS = 5;
    private static final int MAX_PREFIX_LENGTH = 40;
    private static final long MIN_TMPFS_BYTES = 1L << 30;
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private static EmbeddedPostgres shared;
    private static RuntimeException sharedFailure;

    private final List<String> runAs;
    private final Path binDir;
    private final Path runDir;
    private final int port;
    private final AtomicInteger databaseCount = new AtomicInteger();

    private EmbeddedPostgres(List<String> runAs, Path binDir, Path runDir, int port) {
        this.runAs = runAs;
        this.binDir = binDir;
        this.runDir = runDir;
        this.port = port;
    }

    /** The one server of this JVM, started on first use and stopped by a shutdown hook. */
    public static synchronized EmbeddedPostgres shared() {
        // A failed start is remembered so later test classes fail fast with the original explanation.
        if (sharedFailure != null) {
            throw new IllegalStateException("embedded postgres: start failed earlier in this JVM", sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /**
     * A server of the caller's own, for a test that stops and starts it ({@link #stopServer},
     * {@link #startServer}); the shared one must keep running for the other tests of this JVM.
     */
    public static EmbeddedPostgres startPrivate() {
        return start();
    }

    /** Stops the server as an operator would (pg_ctl stop, fast: clients are disconnected), keeping its data. */
    public void stopServer() {
        Outcome outcome = run(
                runDir,
                runAs,
                binDir.resolve("pg_ctl"),
                "stop",
                "-w",
                "-m",
                "fast",
                "-D",
                runDir.resolve("data").toString());
        if (!outcome.succeeded()) {
            throw new IllegalStateException("embedded postgres: unable to stop: " + outcome.describe());
        }
    }

    /** Starts the stopped server again, on the same port, with its data. */
    public void startServer() {
        Outcome outcome = run(
                runDir,
                runAs,
                binDir.resolve("pg_ctl"),
                "start",
                "-w",
                "-D",
                runDir.resolve("data").toString(),
                "-l",
                runDir.resolve("postgres.log").toString(),
                "-o",
                "-p " + port + " -k '" + runDir + "' " + SERVER_SETTINGS);
        if (!outcome.succeeded()) {
            throw new IllegalStateException("embedded postgres: unable to start again on port " + port + ": "
                    + outcome.describe() + "\nserver log:\n" + readIfExists(runDir.resolve("postgres.log")));
        }
    }

    /** Stops the server for good and deletes its data (a private server, when its test is done). */
    public void destroy() {
        stop();
    }

    /** Starts a server, prints its admin JDBC URL and keeps it running until stdin closes or the JVM is killed. */
    public static void main(String[] args) throws IOException {
        System.out.println(shared().adminJdbcUrl());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
    }

    public int port() {
        return port;
    }

    public String adminJdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** Creates an empty database named after the prefix and returns its JDBC URL. */
    public String createDatabase(String namePrefix) {
        String name = databaseName(namePrefix, databaseCount.incrementAndGet());
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl());
                Statement statement = connection.createStatement()) {
            // FILE_COPY: 15 ms per database instead of 27 ms with the default WAL_LOG (tmpfs, 2026-11-29).
            statement.execute("CREATE DATABASE " + name + " STRATEGY = FILE_COPY");
        } catch (SQLException e) {
            throw new IllegalStateException("embedded postgres: unable to create database " + name, e);
        }
        return jdbcUrl(name);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    static String databaseName(String prefix, int number) {
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "db_" + name;
        }
        return name.substring(0, Math.min(name.length(), MAX_PREFIX_LENGTH)) + "_" + number;
    }

    private static EmbeddedPostgres start() {
        Path binDir = PostgresBinaries.install().resolve("bin");
        List<String> runAs = runAsPrefix();
        Path runDir = createRunDir(!runAs.isEmpty());
        try {
            initdb(runAs, binDir, runDir);
            var server = new EmbeddedPostgres(runAs, binDir, runDir, startServer(runAs, binDir, runDir));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return server;
        } catch (RuntimeException e) {
            deleteRecursively(runDir);
            throw e;
        }
    }

    private static void initdb(List<String> runAs, Path binDir, Path runDir) {
        Outcome outcome = run(
                runDir,
                runAs,
                binDir.resolve("initdb"),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
                "-D",
                runDir.resolve("data").toString());
        if (!outcome.succeeded()) {
            String hint = runAs.isEmpty()
                    ? ""
                    : "\n(ran as " + UNPRIVILEGED_USER + " because we are root: " + binDir
                            + " and all its parents must be searchable by others)";
            throw new IllegalStateException("embedded postgres: initdb failed: " + outcome.describe() + hint);
        }
    }

    /** Starts on a free port; another process may grab that port first, so a bind failure is retried. */
    private static int startServer(List<String> runAs, Path binDir, Path runDir) {
        Path log = runDir.resolve("postgres.log");
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            deleteRecursively(log);
            Outcome outcome = run(
                    runDir,
                    runAs,
                    binDir.resolve("pg_ctl"),
                    "start",
                    "-w",
                    "-D",
                    runDir.resolve("data").toString(),
                    "-l",
                    log.toString(),
                    "-o",
                    "-p " + port + " -k '" + runDir + "' " + SERVER_SETTINGS);
            if (outcome.succeeded()) {
                return port;
            }
            String serverLog = readIfExists(log);
            if (attempt == START_ATTEMPTS || !serverLog.contains("Address already in use")) {
                throw new IllegalStateException("embedded postgres: unable to start on port " + port + ": "
                        + outcome.describe() + "\nserver log:\n" + serverLog);
            }
        }
    }

    private void stop() {
        if (!Files.isDirectory(runDir)) {
            return; // destroyed already
        }
        Outcome outcome = run(
                runDir,
                runAs,
                binDir.resolve("pg_ctl"),
                "stop",
                "-m",
                "immediate",
                "-D",
                runDir.resolve("data").toString());
        if (!outcome.succeeded()) {
            System.err.println("embedded postgres: stop failed: " + outcome.describe());
        }
        deleteRecursively(runDir);
    }

    private static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded postgres: unable to find a free port", e);
        }
    }

    private static boolean runningAsRoot() {
        try {
            // /proc/self belongs to our uid; unlike user.name this also works for a uid 0 without a passwd entry.
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** PostgreSQL refuses to run as root ("initdb: cannot be run as root"), and CI runs as root. */
    private static List<String> runAsPrefix() {
        if (!runningAsRoot()) {
            return List.of();
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, "setpriv"))) {
                return List.of(
                        dir + "/setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=nogroup", "--clear-groups", "--");
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, "runuser"))) {
                return List.of(dir + "/runuser", "-u", UNPRIVILEGED_USER, "--");
            }
        }
        throw new IllegalStateException("embedded postgres: running as root, which PostgreSQL refuses, "
                + "and neither setpriv nor runuser (util-linux) is installed to drop to " + UNPRIVILEGED_USER);
    }

    /**
     * tmpfs when it has room: on our ext4 VM initdb took 1.1 s there instead of 0.37 s and CREATE DATABASE
     * 270 ms instead of 15 ms. Docker's default 64 MB /dev/shm is too small, hence the size check.
     */
    private static Path runBase() {
        Path tmpfs = Path.of("/dev/shm");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            boolean roomy = Files.isDirectory(tmpfs)
                    && Files.isWritable(tmpfs)
                    && Files.getFileStore(tmpfs).getUsableSpace() >= MIN_TMPFS_BYTES;
            return roomy ? tmpfs : tmp;
        } catch (IOException e) {
            return tmp;
        }
    }

    private static Path createRunDir(boolean unprivileged) {
        try {
            Path runDir = Files.createTempDirectory(runBase(), "paperboy-pg-run-");
            if (unprivileged) {
                UserPrincipal user =
                        runDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
                try (Stream<Path> paths = Files.walk(runDir)) {
                    for (Path path : paths.toList()) {
                        Files.setOwner(path, user);
                    }
                }
            }
            return runDir;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded postgres: unable to create the data and socket directory", e);
        }
    }

    private record Outcome(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        String describe() {
            return "`" + String.join(" ", command) + "` exited with " + exitCode + ":\n" + output;
        }
    }

    private static Outcome run(Path workDir, List<String> runAs, Path executable, String... args) {
        List<String> command = new ArrayList<>(runAs);
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path output = null;
        try {
            // Output goes to a file, not a pipe: a server started by pg_ctl could otherwise hold the pipe open.
            output = Files.createTempFile("paperboy-pg-command-", ".log");
            var builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(
                        command, -1, "timed out after " + COMMAND_TIMEOUT_SECONDS + " s\n" + Files.readString(output));
            }
            return new Outcome(command, process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded postgres: unable to run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedded postgres: interrupted while running " + command, e);
        } finally {
            deleteRecursively(output);
        }
    }

    private static String readIfExists(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no log written)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded postgres: unable to delete " + path, e);
        }
    }
}
