package io.paperboy.paper;

import java.text.Normalizer;
import java.util.Map;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text clean-up for arXiv metadata: TeX accents to Unicode, whitespace, and hard-wrapped abstracts.
 *
 * <p>arXiv metadata is TeX typed by authors: names carry accent commands ({@code Bal\'azs},
 * {@code Djokovi\'{c}}, {@code {\O}bro}) and abstracts are wrapped at about 80 columns. These
 * helpers undo exactly that and leave everything else (math, unknown macros) as written, because
 * the pages render math with KaTeX and a wrong guess would corrupt it.
 */
public final class TexText {
    // An accent's argument: a letter, or a dotless i / j (\'\i is an accented i, not an accented ı).
    private static final String ARGUMENT = "[A-Za-z]|\\\\[ij](?![A-Za-z])";
    // Optional group braces around the whole command, e.g. {\'a}; kept only if not both present.
    private static final Pattern ACCENT = Pattern.compile("(\\{?)\\\\(?:([`'^\"~=.])|([uvHckr])(?![A-Za-z])\\s*)"
            + "(?:\\{\\s*(" + ARGUMENT + ")\\s*}|(" + ARGUMENT + "))(}?)");
    // TeX swallows the space or {} after a control word: "\o bro" and "\o{}bro" both read "øbro".
    private static final Pattern LETTER =
            Pattern.compile("(\\{?)\\\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])(?:\\{}|[ \\t]+)?(}?)");
    // $$…$$ or $…$, not opened by an escaped \$.
    private static final Pattern MATH =
            Pattern.compile("(?<!\\\\)\\$\\$.*?(?<!\\\\)\\$\\$|(?<!\\\\)\\$.+?(?<!\\\\)\\$", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    // A newline followed by indentation, or a blank line, starts a paragraph; any other newline is a wrap.

    private static final Map<String, String> COMBINING_MARKS = Map.ofEntries(
            Map.entry("`", "\u0300"),
            Map.entry("'", "\u0301"),
            Map.entry("^", "\u0302"),
            Map.entry("~", "\u0303"),
            Map.entry("=", "\u0304"),
            Map.entry("u", "\u0306"),
            Map.entry(".", "\u0307"),
            Map.entry("\"", "\u0308"),
            Map.entry("r", "\u030A"),
            Map.entry("H", "\u030B"),
            Map.entry("v", "\u030C"),
            Map.entry("c", "\u0327"),
            Map.entry("k", "\u0328"));
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ss", "ß"),
            Map.entry("aa", "å"),
            Map.entry("AA", "Å"),
            Map.entry("ae", "æ"),
            Map.entry("AE", "Æ"),
            Map.entry("oe", "œ"),
            Map.entry("OE", "Œ"),
            Map.entry("o", "ø"),
            Map.entry("O", "Ø"),
            Map.entry("l", "ł"),
            Map.entry("L", "Ł"),
            Map.entry("i", "ı"),
            Map.entry("j", "ȷ"));

    private TexText() {}

    /**
     * Replaces TeX accent commands ({@code \'a}, {@code \v{s}}, {@code {\"u}}, {@code \ss},
     * {@code {\O}}…) with Unicode letters in NFC, dropping the braces that belonged to them;
     * {@code $math$} and unknown commands stay as written.
     */
    public static String deaccent(String text) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher math = MATH.matcher(text);
        int start = 0;
        while (math.find()) {
            out.append(deaccentProse(text.substring(start, math.start()))).append(math.group());
            start = math.end();
        }
        return out.append(deaccentProse(text.substring(start))).toString();
    }

    /** Trims and turns every run of whitespace, newlines included, into one space. */
    public static String collapseWhitespace(String text) {
        Objects.requireNonNull(text, "text");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * Undoes arXiv's hard wrapping: paragraphs (started by an indented line or a blank line) are
     * joined by a blank line, the lines inside a paragraph by single spaces.
     */
    public static String unwrapAbstract(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.replace("\r\n", "\n").strip().split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = new StringBuilder();
        boolean breakPending = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isBlank(line)) {
                breakPending = true;
                continue;
            }
            if (i > 0 && (breakPending || line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                appendParagraph(out, paragraph);
            }
            breakPending = false;
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(trimSpaces(line));
        }
        appendParagraph(out, paragraph);
        return out.toString();
    }

    // One pass over the lines instead of two regexes: this was a third of the import's CPU.
    private static void appendParagraph(StringBuilder out, StringBuilder paragraph) {
        String joined = paragraph.toString().strip();
        if (!joined.isEmpty()) {
            out.append(out.isEmpty() ? "" : "\n\n").append(joined);
        }
        paragraph.setLength(0);
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String trimSpaces(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(start, end);
    }

    private static String deaccentProse(String text) {
        String accented = ACCENT.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(unbraced(m.group(1), accent(m), m.group(6))));
        return LETTER.matcher(accented)
                .replaceAll(m -> Matcher.quoteReplacement(unbraced(m.group(1), LETTERS.get(m.group(2)), m.group(3))));
    }

    private static String accent(MatchResult m) {
        String command = m.group(2) != null ? m.group(2) : m.group(3);
        String base = m.group(4) != null ? m.group(4) : m.group(5);
        // The dotless i / j carry the accent in TeX; in Unicode the accent goes on a plain i / j.
        String letter = base.startsWith("\\") ? base.substring(1) : base;
        return Normalizer.normalize(letter + COMBINING_MARKS.get(command), Normalizer.Form.NFC);
    }

    /** Drops a brace pair that wrapped just this command, keeps a lone brace that belongs to the text around it. */
    private static String unbraced(String open, String replacement, String close) {
        if (!open.isEmpty() && !close.isEmpty()) {
            return replacement;
        }
        return open + replacement + close;
    }
}
