package io.paperboy.db;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The row count and checksum of a table's content, independent of row order and of the store's
 * kind: each row's values (by column, in a canonical text per kind of value: a number is its
 * decimal digits whether the store keeps it as INTEGER or BIGINT) are hashed with SHA-256 and the
 * hashes are added modulo 2^256, so SQLite and PostgreSQL, sorting text differently, agree.
 */
public final class TableDigest {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private final MessageDigest sha;
    private BigInteger sum = BigInteger.ZERO;
    private long rows;

    public TableDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Adds one row; {@code values} as {@link StoreValues#read} gives them, in a fixed column order. */
    public void add(List<Object> values) {
        StringBuilder text = new StringBuilder();
        for (Object v : values) {
            text.append(canonical(v)).append('\u0000');
        }
        sum = sum.add(new BigInteger(1, sha.digest(text.toString().getBytes(StandardCharsets.UTF_8))))
                .mod(MODULUS);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** The checksum as 64 hex digits. */
    public String checksum() {
        byte[] bytes = sum.toByteArray();
        byte[] fixed = new byte[32];
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, fixed, 32 - n, n);
        return HexFormat.of().formatHex(fixed);
    }

    private static String canonical(Object v) {
        return switch (v) {
            case null -> "N";
            case Long l -> "I" + l;
            case Double d -> "D" + d;
            case byte[] b -> "B" + Base64.getEncoder().encodeToString(b);
            default -> "S" + v;
        };
    }
}
