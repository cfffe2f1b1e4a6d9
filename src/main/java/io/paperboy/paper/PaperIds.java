package io.paperboy.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable ids for papers that come without an arXiv id.
 *
 * <p>The id is {@code pb-} and the first 12 hex digits of the SHA-256 of the normalised title
 * (NFKD, lower case, letters and digits only), so the same paper imported twice, from any
 * source, with any spacing or punctuation, gets the same id; arXiv ids never start with "pb-".
 */
public final class PaperIds {
    private static final String PREFIX = "pb-";

    private PaperIds() {}

    public static String forTitle(String title) {
        String normalised = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "");
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("a title needs at least one letter or digit to derive an id");
        }
        return PREFIX + HexFormat.of().formatHex(sha256(normalised)).substring(0, 12);
    }

    public static boolean isLocal(String id) {
        return id.startsWith(PREFIX);
    }

    /** Reads a paper id as typed in a URL or file: an arXiv id in any accepted form, or a local id. */
    public static String canonical(String raw) {
        String trimmed = raw.strip();
        if (isLocal(trimmed) && trimmed.matches("pb-[0-9a-f]{12}")) {
            return trimmed;
        }
        return ArxivId.parse(trimmed).id();
    }

    /** {@link #canonical} for a path parameter: a malformed id is the client's error, a 400. */
    public static String fromPath(String raw) {
        try {
            return canonical(raw);
        } catch (IllegalArgumentException e) {
            throw new io.javalin.http.BadRequestResponse(e.getMessage());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
