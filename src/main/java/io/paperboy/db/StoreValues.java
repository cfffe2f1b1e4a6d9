package io.paperboy.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Column values as a backup carries them, whatever the store: whole numbers as Long, other
 * numbers as Double, bytes as byte[], everything else as String, null as null.
 */
public final class StoreValues {
    private StoreValues() {}

    /** The value of column {@code index} (1-based) of the current row. */
    public static Object read(ResultSet rs, int index) throws SQLException {
        Object v = rs.getObject(index);
        return switch (v) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Long l -> l;
            case Boolean b -> b ? 1L : 0L;
            case Float f -> f.doubleValue();
            case Double d -> d;
            case java.math.BigDecimal d -> d.scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
            case byte[] bytes -> bytes;
            default -> v.toString();
        };
    }

    /** Binds {@code value} to parameter {@code index} as the target column's type {@code jdbcType} wants it. */
    public static void bind(PreparedStatement ps, int index, Object value, int jdbcType) throws SQLException {
        if (value == null) {
            ps.setNull(index, jdbcType);
            return;
        }
        if (value instanceof byte[] bytes) { // bytes stay bytes whatever type the store reports (SQLite's BLOB is none)
            ps.setBytes(index, bytes);
            return;
        }
        switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ps.setLong(index, asLong(value));
            case Types.BIT, Types.BOOLEAN -> ps.setBoolean(index, asLong(value) != 0);
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL ->
                ps.setDouble(index, value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString()));
            default -> ps.setString(index, value.toString());
        }
    }

    private static long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
