package io.paperboy.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A member's avatar, generated here rather than fetched from an image service: a 5×5 identicon,
 * mirrored left to right like GitHub's, drawn from the SHA-256 of the user name. Bytes 0-1 pick
 * the hue (saturation and lightness are fixed so every avatar reads on light and dark themes), and
 * the bits of bytes 2-3 fill the 15 cells of the left three columns. The same name always draws
 * the same picture; nothing of the name itself is in the SVG.
 */
public final class Avatars {
    static final int GRID = 5;
    private static final int CELL = 10;
    private static final int MARGIN = 5;

    private Avatars() {}

    public static String svg(String userName) {
        byte[] hash = sha256(userName.toLowerCase(Locale.ROOT));
        int hue = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % 360;
        int bits = (hash[2] & 0xff) << 8 | (hash[3] & 0xff);
        int size = GRID * CELL + 2 * MARGIN;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(size)
                .append(' ')
                .append(size)
                .append("\" width=\"")
                .append(size)
                .append("\" height=\"")
                .append(size)
                .append("\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"hsl(")
                .append(hue)
                .append(",35%,92%)\"/>")
                .append("<g fill=\"hsl(")
                .append(hue)
                .append(",55%,42%)\">");
        for (int col = 0; col < 3; col++) {
            for (int row = 0; row < GRID; row++) {
                if ((bits >> (col * GRID + row) & 1) == 1) {
                    cell(svg, col, row);
                    if (col < 2) {
                        cell(svg, GRID - 1 - col, row);
                    }
                }
            }
        }
        return svg.append("</g></svg>").toString();
    }

    private static void cell(StringBuilder svg, int col, int row) {
        svg.append("<rect x=\"")
                .append(MARGIN + col * CELL)
                .append("\" y=\"")
                .append(MARGIN + row * CELL)
                .append("\" width=\"")
                .append(CELL)
                .append("\" height=\"")
                .append(CELL)
                .append("\"/>");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
