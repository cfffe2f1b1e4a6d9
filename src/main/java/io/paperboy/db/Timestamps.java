package io.paperboy.db;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Timestamps as every table stores them: ISO-8601 text in whole seconds ("2026-11-29T13:00:00Z"),
 * fixed width, so that text order is time order in SQL on SQLite and PostgreSQL alike. (An
 * Instant's own text drops or adds fractional digits, which breaks that order.) Days are
 * ISO-8601 dates ("2026-11-29"). {@link #register} makes JDBI bind and read {@code Instant} and
 * {@code LocalDate} values in these forms, so a repository binds the value, never its text.
 */
public final class Timestamps {
    private Timestamps() {}

    /** The stored text of {@code instant}; null stays null. */
    public static String stamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The instant a stored text names; null stays null. */
    public static Instant parse(String stamp) {
        return stamp == null ? null : Instant.parse(stamp);
    }

    /** Binds and reads {@code Instant} and {@code LocalDate} as this class stores them, on every handle of {@code jdbi}. */
    public static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.VARCHAR) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, stamp(value));
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, ctx) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> parse(rs.getString(column)));
        jdbi.registerColumnMapper(LocalDate.class, (rs, column, ctx) -> {
            String day = rs.getString(column);
            return day == null ? null : LocalDate.parse(day);
        });
    }
}
