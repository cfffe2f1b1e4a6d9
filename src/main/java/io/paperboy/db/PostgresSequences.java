package io.paperboy.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The id sequences behind PostgreSQL's BIGSERIAL columns, by table. */
final class PostgresSequences {
    private PostgresSequences() {}

    /** Table name → its serial column's sequence (qualified name, ready for SQL). */
    static Map<String, String> of(Connection c) throws SQLException {
        Map<String, String> sequences = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT table_name, pg_get_serial_sequence(quote_ident(table_name), column_name)
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'""")) {
            while (rs.next()) {
                if (rs.getString(2) != null) {
                    sequences.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }
            }
        }
        return sequences;
    }

    /** The serial column of {@code table}, for setting its sequence past the rows restored. */
    static String column(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_default LIKE 'nextval(%'""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Moves every serial column's sequence past its table's rows and past the id {@code lastIssued}
     * says was handed out last (ids handed out and deleted are not handed out again).
     */
    static void advance(Connection c, Map<String, Long> lastIssued) throws SQLException {
        for (Map.Entry<String, String> e : of(c).entrySet()) {
            String column = column(c, e.getKey());
            try (var ps =
                    c.prepareStatement("SELECT setval(?::regclass, greatest(v, 1), v > 0) FROM (SELECT greatest(?, "
                            + "(SELECT coalesce(max(" + column + "), 0) FROM " + e.getKey() + ")) AS v) AS n")) {
                ps.setString(1, e.getValue());
                ps.setLong(2, lastIssued.getOrDefault(e.getKey(), 0L));
                ps.executeQuery().close();
            }
        }
    }
}
