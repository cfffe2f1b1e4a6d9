package io.paperboy.paper;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier: the canonical id without version, plus a version (0 means "not specified").
 *
 * <p>New-style ids are {@code YYMM.NNNN} (April 2007 to December 2014) and {@code YYMM.NNNNN}
 * (January 2015 on). Old-style ids are {@code archive/YYMMNNN} (1991 to 2007); an old-style id
 * written with a subject class ({@code math.GT/0309136}) is canonicalised without it
 * ({@code math/0309136}), as arXiv's own abs pages do, because the class is not part of the
 * identity. {@link #parse} also reads the {@code arXiv:} prefix and arXiv / Hugging Face URLs.
 */
public record ArxivId(String id, int version) {
    private static final String EXPECTED = "expected e.g. 2306.15794 or hep-th/9901001";
    private static final int FIRST_NEW_STYLE = 704;
    private static final int FIRST_FIVE_DIGIT = 1501;
    private static final Pattern URL = Pattern.compile(
            "(?i)^(?:https?://)?(?:(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)|(?:www\\.)?huggingface\\.co/papers)"
                    + "/([^?#]+?)(?:\\.pdf)?/?(?:[?#].*)?$");
    private static final Pattern PREFIX = Pattern.compile("(?i)^arxiv:\\s*");
    private static final Pattern NEW_STYLE = Pattern.compile("^(\\d{2})(\\d{2})\\.(\\d{4,5})(?:v(\\d{1,6}))?$");
    private static final Pattern OLD_STYLE =
            Pattern.compile("^([A-Za-z-]+)(?:\\.[A-Za-z]{2})?/(\\d{2})(\\d{2})(\\d{3})(?:v(\\d{1,6}))?$");

    /** The archives that existed before April 2007, when arXiv switched to new-style ids. */
    private static final Set<String> OLD_ARCHIVES = Set.of(
            "acc-phys",
            "adap-org",
            "alg-geom",
            "ao-sci",
            "astro-ph",
            "atom-ph",
            "bayes-an",
            "chao-dyn",
            "chem-ph",
            "cmp-lg",
            "comp-gas",
            "cond-mat",
            "cs",
            "dg-ga",
            "funct-an",
            "gr-qc",
            "hep-ex",
            "hep-lat",
            "hep-ph",
            "hep-th",
            "math",
            "math-ph",
            "mtrl-th",
            "nlin",
            "nucl-ex",
            "nucl-th",
            "patt-sol",
            "physics",
            "plasm-ph",
            "q-alg",
            "q-bio",
            "quant-ph",
            "solv-int",
            "supr-con");

    /** Checks that {@code id} is already canonical (no version, no subject class); use {@link #parse} for input. */
    public ArxivId {
        Objects.requireNonNull(id, "id");
        if (version < 0) {
            throw new IllegalArgumentException("arXiv version must be 0 (unspecified) or more, got " + version);
        }
        Parts parsed = parseParts(id);
        if (parsed.version() != 0 || !parsed.id().equals(id)) {
            throw new IllegalArgumentException(
                    "\"" + id + "\" is not a canonical arXiv id; ArxivId.parse reads it as " + parsed.id());
        }
    }

    private record Parts(String id, int version) {}

    /**
     * Reads an arXiv id as people write it: {@code 2306.15794}, {@code 2306.15794v3},
     * {@code arXiv:hep-th/9901001}, {@code math.GT/0309136}, or an arxiv.org abs / pdf / html URL or a
     * huggingface.co/papers URL.
     *
     * @throws IllegalArgumentException saying what was wrong with {@code raw}
     */
    public static ArxivId parse(String raw) {
        Parts parts = parseParts(raw);
        return new ArxivId(parts.id(), parts.version());
    }

    private static Parts parseParts(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("an arXiv id is required: " + EXPECTED);
        }
        String text = PREFIX.matcher(raw.strip()).replaceFirst("");
        Matcher url = URL.matcher(text);
        if (url.matches()) {
            text = PREFIX.matcher(url.group(1)).replaceFirst("");
        }
        Matcher m = NEW_STYLE.matcher(text);
        if (m.matches()) {
            return new Parts(newStyleId(raw, m), version(raw, m.group(4)));
        }
        m = OLD_STYLE.matcher(text);
        if (m.matches()) {
            return new Parts(oldStyleId(raw, m), version(raw, m.group(5)));
        }
        throw invalid(raw, "not an arXiv id: " + EXPECTED);
    }

    /** Whether {@link #parse} accepts {@code raw}. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The id with its version suffix ({@code 2306.15794v3}), or just the id when the version is unspecified. */
    public String versioned() {
        return version == 0 ? id : id + "v" + version;
    }

    public boolean isOldStyle() {
        return id.indexOf('/') >= 0;
    }

    /** The month the id was assigned, read from its YYMM digits (91-99 are 1991-1999, the rest 20YY). */
    public YearMonth yearMonth() {
        String digits = id.substring(id.indexOf('/') + 1);
        int yy = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        return YearMonth.of(yy >= 91 ? 1900 + yy : 2000 + yy, month);
    }

    @Override
    public String toString() {
        return versioned();
    }

    private static String newStyleId(String raw, Matcher m) {
        int month = checkMonth(raw, m.group(2));
        int yymm = Integer.parseInt(m.group(1)) * 100 + month;
        String number = m.group(3);
        if (yymm < FIRST_NEW_STYLE) {
            throw invalid(
                    raw,
                    "ids of the form YYMM.NNNNN start in April 2007 (0704); "
                            + "older papers have ids like hep-th/9901001");
        }
        if (yymm < FIRST_FIVE_DIGIT && number.length() != 4) {
            throw invalid(raw, "ids before 1501 have 4 digits after the dot, not " + number.length());
        }
        if (yymm >= FIRST_FIVE_DIGIT && number.length() != 5) {
            throw invalid(raw, "ids from 1501 on have 5 digits after the dot, not " + number.length());
        }
        checkNumber(raw, number);
        return m.group(1) + m.group(2) + "." + number;
    }

    private static String oldStyleId(String raw, Matcher m) {
        String archive = m.group(1).toLowerCase(Locale.ROOT);
        if (!OLD_ARCHIVES.contains(archive)) {
            throw invalid(
                    raw,
                    "\"" + m.group(1) + "\" is not an arXiv archive with old-style ids "
                            + "(such as hep-th, math, cs, astro-ph, cond-mat)");
        }
        int yy = Integer.parseInt(m.group(2));
        if (yy > 7 && yy < 91) {
            throw invalid(raw, "old-style ids run from 1991 (91) to 2007 (07), not year " + m.group(2));
        }
        checkMonth(raw, m.group(3));
        checkNumber(raw, m.group(4));
        return archive + "/" + m.group(2) + m.group(3) + m.group(4);
    }

    private static int checkMonth(String raw, String digits) {
        int month = Integer.parseInt(digits);
        if (month < 1 || month > 12) {
            throw invalid(raw, "month " + digits + " does not exist");
        }
        return month;
    }

    private static void checkNumber(String raw, String number) {
        if (number.chars().allMatch(c -> c == '0')) {
            throw invalid(raw, "sequence number " + number + " does not exist; numbering starts at 1");
        }
    }

    private static int version(String raw, String digits) {
        if (digits == null) {
            return 0;
        }
        if (digits.startsWith("0")) {
            throw invalid(raw, "version must be v1 or higher, written without leading zeros");
        }
        return Integer.parseInt(digits);
    }

    private static IllegalArgumentException invalid(String raw, String why) {
        return new IllegalArgumentException("\"" + raw.strip() + "\": " + why);
    }
}
