package io.paperboy.bench;

import io.paperboy.ingest.SnapshotLines;
import io.paperboy.paper.Paper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/** The speed benchmark's competitors: SQLite FTS5 and PostgreSQL full-text search, loaded and queried over JDBC. */
final class SqlFullText {
    private static final int TOP = SearchSpeedBenchmark.TOP;

    private SqlFullText() {}

    static void sqlite(QueryTimer timer, Path input, int count, Path file) throws Exception {
        Files.deleteIfExists(file);
        String url = "jdbc:sqlite:" + file;
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE VIRTUAL TABLE t USING fts5(title, abstract, tokenize='porter')");
            c.setAutoCommit(false);
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO t(rowid, title, abstract) VALUES (?, ?, ?)")) {
                load(input, count, (n, p) -> {
                    insert.setLong(1, n);
                    insert.setString(2, p.title());
                    insert.setString(3, p.abstractText());
                    insert.addBatch();
                    if (n % 1000 == 0) {
                        insert.executeBatch();
                    }
                });
                insert.executeBatch();
            }
            c.commit();
            double loaded = (System.nanoTime() - start) / 1e9;
            s.execute("INSERT INTO t(t) VALUES('optimize')");
            c.commit();
            String line = String.format(
                    Locale.ROOT,
                    "SQLite FTS5 load: %,d papers in %.1f s (%,.0f/s), optimize %.1f s, %,d MB",
                    count,
                    loaded,
                    count / loaded,
                    (System.nanoTime() - start) / 1e9 - loaded,
                    Files.size(file) >> 20);
            timer.note(line);
        }
        timer.measure("SQLite FTS5", () -> {
            Connection c = DriverManager.getConnection(url);
            PreparedStatement q =
                    c.prepareStatement("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT " + TOP);
            return words -> {
                q.setString(
                        1,
                        String.join(
                                " OR ",
                                Arrays.stream(words).map(w -> '"' + w + '"').toList()));
                return countRows(q);
            };
        });
    }

    // ---- PostgreSQL ----

    static void postgres(QueryTimer timer, Path input, int count, String url) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url + "&reWriteBatchedInserts=true");
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS papers");
            // A stored tsvector column (the documentation's recommended layout): ts_rank reads it
            // instead of re-analysing every matching row.
            s.execute("CREATE TABLE papers (n integer PRIMARY KEY, title text, abstract text, "
                    + "tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || abstract)) STORED)");
            c.setAutoCommit(false);
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO papers(n, title, abstract) VALUES (?, ?, ?)")) {
                load(input, count, (n, p) -> {
                    insert.setInt(1, n);
                    insert.setString(2, p.title());
                    insert.setString(3, p.abstractText());
                    insert.addBatch();
                    if (n % 1000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                });
                insert.executeBatch();
            }
            c.commit();
            double loaded = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute("CREATE INDEX papers_tsv ON papers USING gin (tsv)");
            s.execute("VACUUM ANALYZE papers");
            String version;
            try (ResultSet r = s.executeQuery("SELECT version(), pg_total_relation_size('papers')")) {
                r.next();
                version = r.getString(1).replaceAll(" on .*", "") + ", " + (r.getLong(2) >> 20) + " MB";
            }
            String line = String.format(
                    Locale.ROOT,
                    "PostgreSQL load: %,d papers in %.1f s (%,.0f/s), GIN index + analyze %.1f s; %s",
                    count,
                    loaded,
                    count / loaded,
                    (System.nanoTime() - start) / 1e9 - loaded,
                    version);
            timer.note(line);
        }
        timer.measure("PostgreSQL FTS", () -> {
            Connection c = DriverManager.getConnection(url);
            PreparedStatement q = c.prepareStatement("SELECT n FROM papers, websearch_to_tsquery('english', ?) q "
                    + "WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT " + TOP);
            return words -> {
                q.setString(
                        1,
                        String.join(
                                " or ",
                                Arrays.stream(words)
                                        .map(w -> w.contains(" ") ? '"' + w + '"' : w)
                                        .toList()));
                return countRows(q);
            };
        });
    }

    private static int countRows(PreparedStatement q) throws SQLException {
        int rows = 0;
        try (ResultSet r = q.executeQuery()) {
            while (r.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** Feeds the first {@code count} papers of the input to {@code sink}, numbered from 1. */
    private static void load(Path input, int count, PaperSink sink) throws Exception {
        SnapshotLines parser = new SnapshotLines();
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 1; n <= count && (line = in.readLine()) != null; n++) {
                sink.accept(n, parser.parse(line, n));
            }
        }
    }

    @FunctionalInterface
    interface PaperSink {
        void accept(int n, Paper p) throws Exception;
    }
}
