package io.paperboy.db;

import java.util.Locale;

/** The two SQL engines Paperboy runs on, told apart by their JDBC URL. */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    public static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL '" + jdbcUrl + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }
}
