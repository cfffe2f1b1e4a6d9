package io.paperboy.thumbnail;

import io.paperboy.paper.Paper;
import java.util.ArrayList;
import java.util.List;

/**
 * A typographic cover for a paper whose first page could not be rendered (no PDF reachable, a
 * local paper, a broken file): the title set in a serif on a paper-white page with the first
 * authors below, generated here as SVG. Titles wrap at {@value #CHARS_PER_LINE} characters on up
 * to {@value #MAX_LINES} lines; the rest ends in an ellipsis.
 */
public final class Covers {
    static final int CHARS_PER_LINE = 22;
    static final int MAX_LINES = 6;
    private static final int SHOWN_AUTHORS = 3;

    private Covers() {}

    public static String svg(Paper p) {
        StringBuilder s = new StringBuilder(1024);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 170 220\" width=\"170\" height=\"220\">")
                .append("<rect width=\"170\" height=\"220\" fill=\"#fbfaf7\" stroke=\"#d8d4cc\"/>")
                .append("<rect x=\"14\" y=\"16\" width=\"36\" height=\"3\" fill=\"#b33a3a\"/>")
                .append("<g font-family=\"Georgia, 'Times New Roman', serif\" fill=\"#1d1d1f\" font-size=\"13\">");
        int y = 40;
        for (String line : wrap(p.title())) {
            s.append("<text x=\"14\" y=\"")
                    .append(y)
                    .append("\">")
                    .append(escape(line))
                    .append("</text>");
            y += 17;
        }
        s.append("</g>");
        if (!p.authors().isEmpty()) {
            List<String> first =
                    p.authors().subList(0, Math.min(SHOWN_AUTHORS, p.authors().size()));
            String names = String.join(", ", first) + (p.authors().size() > SHOWN_AUTHORS ? " et al." : "");
            int ay = y + 10;
            for (String line : wrapLines(names, 30, 3)) {
                s.append("<text x=\"14\" y=\"")
                        .append(ay)
                        .append("\" font-family=\"Helvetica, Arial, sans-serif\" ")
                        .append("font-size=\"9\" fill=\"#55534e\">")
                        .append(escape(line))
                        .append("</text>");
                ay += 12;
            }
        }
        s.append(
                        "<text x=\"14\" y=\"204\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"8\" fill=\"#8a867e\">")
                .append(escape(p.isArxiv() ? "arXiv:" + p.id() : ""))
                .append("</text>");
        return s.append("</svg>").toString();
    }

    static List<String> wrap(String title) {
        return wrapLines(title, CHARS_PER_LINE, MAX_LINES);
    }

    private static List<String> wrapLines(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            cut.set(maxLines - 1, cut.get(maxLines - 1) + "…");
            return cut;
        }
        return lines;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
