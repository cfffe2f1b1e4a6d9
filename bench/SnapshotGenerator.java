import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes synthetic records in the arXiv metadata snapshot format (one JSON object per line, the
 * Kaggle {@code arxiv-metadata-oai-snapshot.json} layout) for the import benchmark.
 *
 * <p>Run (JDK 25 source launcher, no dependencies), from the repository root:
 * <pre>java bench/SnapshotGenerator.java COUNT OUT [SEED] [VOCABULARY_JSONL]</pre>
 * SEED defaults to 1; VOCABULARY_JSONL defaults to {@code src/main/resources/demo/papers.jsonl}.
 * The same SEED and vocabulary file give the same output byte for byte. See docs/benchmarks.md.
 *
 * <p>Shape, matched to recent snapshot records (about 1.8 KB each, a little above the whole
 * snapshot's 1.5 KB average, which older, shorter abstracts pull down): new-style ids
 * {@code YYMM.NNNNN}, unique and ascending, spread over months from 2015 on with small gaps; titles
 * of 6–16 words, a third hard-wrapped with {@code "\n  "} as arXiv does; abstracts of 120–260 words
 * (right-skewed, mean 155), starting with two spaces, wrapped at about 80 columns, ending in
 * {@code "\n"}, a quarter with a {@code $…$} fragment; 1–12 authors (mostly 2–6) with matching
 * {@code authors_parsed}; 1–3 categories; 1–4 versions with RFC 1123 dates; comments, journal-ref,
 * doi, report-no and license null or set at rates close to recent arXiv records.
 *
 * <p>Words are the real abstracts' words ranked by frequency and drawn with a Zipf–Mandelbrot law,
 * weight(rank) = 1 / (rank + 2.7): the exponent 1 is Zipf's, the offset 2.7 is Mandelbrot's fit
 * for English and keeps the top word ("the") near its observed 4 % instead of the 11 % a plain
 * Zipf law over 4,000 words would give. Author names mix the first and last names of real authors.
 */
public final class SnapshotGenerator {
    // URLs in the vocabulary's abstracts would otherwise add "https" and "github" as prose words.
    private static final Pattern URL = Pattern.compile("\\S*(?:://|www\\.|\\.(?:com|io|org|co|ai|net)/)\\S*");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*[\\p{L}\\p{N}]|\\p{L}");
    private static final double ZIPF_OFFSET = 2.7;
    private static final int FIRST_YEAR = 2015;
    private static final int IDS_PER_MONTH_BUDGET = 40_000; // gaps of 1–2 keep numbers below 99,999
    private static final int WRAP_COLUMNS = 80;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private static final String[] CATEGORIES = {
        "cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.RO", "cs.CR", "cs.IR", "cs.SE", "cs.DS",
        "cs.NE", "cs.HC", "eess.IV", "eess.SP", "hep-th", "hep-ph", "hep-ex", "gr-qc", "quant-ph",
        "astro-ph.GA", "astro-ph.CO", "astro-ph.SR", "cond-mat.mtrl-sci", "cond-mat.str-el",
        "cond-mat.stat-mech", "physics.optics", "physics.flu-dyn", "math.AP", "math.PR", "math.OC",
        "math.CO", "math.NT", "math.AG", "math-ph", "q-bio.NC", "econ.EM", "nucl-th"};
    // Roughly arXiv's submission shares: machine learning, language and vision lead.
    private static final double[] CATEGORY_WEIGHTS = {
        14, 9, 10, 6, 4, 3, 2, 2, 2, 2, 1.5, 1.5, 2, 1.5, 3, 3, 1, 2, 5, 2, 2, 1.5, 3, 2, 2, 1.5, 1.5,
        2.5, 2, 2, 2, 1.5, 1.5, 1.5, 1, 0.5, 1};
    private static final String[] LICENSES = {
        "http://arxiv.org/licenses/nonexclusive-distrib/1.0/", "http://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by-nc-sa/4.0/", "http://creativecommons.org/licenses/by-sa/4.0/",
        "http://creativecommons.org/licenses/by-nc-nd/4.0/", "http://creativecommons.org/publicdomain/zero/1.0/"};
    private static final double[] LICENSE_WEIGHTS = {60, 25, 5, 3, 4, 3};
    private static final String[] JOURNALS = {
        "Phys. Rev. D", "Phys. Rev. Lett.", "JHEP", "Nature Communications", "IEEE Trans. Pattern Anal. Mach. Intell.",
        "Astrophys. J.", "Mon. Not. Roy. Astron. Soc.", "J. Math. Phys.", "Comm. Math. Phys.", "Neural Computation",
        "Transactions on Machine Learning Research", "Proceedings of the AAAI Conference on Artificial Intelligence"};
    private static final String[] VENUES = {"NeurIPS", "ICML", "ICLR", "ACL", "EMNLP", "CVPR", "ICCV", "ECCV", "AAAI", "KDD"};
    private static final String[] MATH = {
        "$x^2$", "$\\alpha$", "$O(n^2)$", "$\\mathbb{R}^d$", "$k$", "$L^2$", "$\\epsilon>0$",
        "$N=4$", "$\\sqrt{n}$", "$p$-adic", "$\\ell_1$", "$SU(N)$", "$T_c$"};

    private final SplittableRandom random;
    private final String[] words;
    private final double[] wordCumulative;
    private final double[] categoryCumulative = cumulative(CATEGORY_WEIGHTS);
    private final double[] licenseCumulative = cumulative(LICENSE_WEIGHTS);
    private final String[] firstNames;
    private final String[] lastNames;

    private SnapshotGenerator(long seed, String[] words, String[] firstNames, String[] lastNames) {
        this.random = new SplittableRandom(seed);
        this.words = words;
        this.wordCumulative = new double[words.length];
        double sum = 0;
        for (int rank = 0; rank < words.length; rank++) {
            sum += 1.0 / (rank + 1 + ZIPF_OFFSET);
            wordCumulative[rank] = sum;
        }
        this.firstNames = firstNames;
        this.lastNames = lastNames;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: java bench/SnapshotGenerator.java COUNT OUT [SEED] [VOCABULARY_JSONL]");
            System.exit(2);
        }
        long count = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path vocabulary = Path.of(args.length > 3 ? args[3] : "src/main/resources/demo/papers.jsonl");
        SnapshotGenerator generator = fromVocabulary(seed, vocabulary);
        long started = System.nanoTime();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
            generator.write(count, w);
        }
        long bytes = Files.size(out);
        System.out.printf("%s: %,d records, %,d bytes (%.1f MiB), %,.0f bytes per record, %.1f s%n",
                out, count, bytes, bytes / 1048576.0, count == 0 ? 0.0 : (double) bytes / count,
                (System.nanoTime() - started) / 1e9);
    }

    /** Ranks the words of the vocabulary file's abstracts and titles, and splits its author names. */
    private static SnapshotGenerator fromVocabulary(long seed, Path file) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        List<String> firsts = new ArrayList<>();
        List<String> lasts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            for (String key : List.of("abstract", "title")) {
                for (String text : strings(line, key)) {
                    Matcher word = WORD.matcher(URL.matcher(text).replaceAll(" "));
                    while (word.find()) {
                        counts.merge(normalizeCase(word.group()), 1, Integer::sum);
                    }
                }
            }
            for (String full : strings(line, "authors")) {
                int space = full.strip().lastIndexOf(' ');
                if (space > 0) {
                    firsts.add(full.strip().substring(0, space));
                    lasts.add(full.strip().substring(space + 1));
                }
            }
        }
        if (counts.size() < 100 || firsts.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected JSON lines with abstracts and authors, found "
                    + counts.size() + " distinct words and " + firsts.size() + " author names");
        }
        String[] ranked = counts.keySet().stream()
                .sorted((a, b) -> counts.get(a).equals(counts.get(b)) ? a.compareTo(b) : counts.get(b) - counts.get(a))
                .toArray(String[]::new);
        return new SnapshotGenerator(seed, ranked, firsts.stream().sorted().toArray(String[]::new),
                lasts.stream().sorted().toArray(String[]::new));
    }

    // "The" at a sentence start is the word "the"; acronyms and names ("LLMs", "GPT-4") keep theirs.
    private static String normalizeCase(String word) {
        boolean innerUpper = word.chars().skip(1).anyMatch(Character::isUpperCase);
        return innerUpper ? word : word.toLowerCase(java.util.Locale.ROOT);
    }

    private void write(long count, Writer w) throws IOException {
        int months = (int) Math.max(120, (count + IDS_PER_MONTH_BUDGET - 1) / IDS_PER_MONTH_BUDGET);
        long perMonth = (count + months - 1) / Math.max(1, months);
        StringBuilder line = new StringBuilder(4096);
        int month = -1;
        int number = 0;
        for (long i = 0; i < count; i++) {
            int m = (int) (i / Math.max(1, perMonth));
            if (m != month) {
                month = m;
                number = 0;
            }
            number += 1 + random.nextInt(2);
            line.setLength(0);
            record(line, LocalDate.of(FIRST_YEAR, 1, 1).plusMonths(month), number);
            line.append('\n');
            w.append(line);
        }
    }

    private void record(StringBuilder b, LocalDate month, int number) {
        String id = String.format("%02d%02d.%05d", month.getYear() % 100, month.getMonthValue(), number);
        List<String[]> authors = authors();
        List<ZonedDateTime> versions = versions(month);
        String[] categories = categories();
        b.append('{');
        field(b, "id", id).append(',');
        field(b, "submitter", authors.get(random.nextInt(authors.size()))[2]).append(',');
        field(b, "authors", authorLine(authors)).append(',');
        field(b, "title", title()).append(',');
        field(b, "comments", random.nextDouble() < 0.75 ? comments() : null).append(',');
        field(b, "journal-ref", random.nextDouble() < 0.25 ? journalRef(versions.get(0)) : null).append(',');
        field(b, "doi", random.nextDouble() < 0.30 ? doi(versions.get(0)) : null).append(',');
        field(b, "report-no", random.nextDouble() < 0.04 ? "CERN-TH-" + (2015 + random.nextInt(10)) + "-" + random.nextInt(300) : null)
                .append(',');
        field(b, "categories", String.join(" ", categories)).append(',');
        field(b, "license", random.nextDouble() < 0.9 ? LICENSES[pick(licenseCumulative)] : null).append(',');
        field(b, "abstract", abstractText()).append(',');
        b.append("\"versions\":[");
        for (int v = 0; v < versions.size(); v++) {
            b.append(v == 0 ? "{" : ",{");
            field(b, "version", "v" + (v + 1)).append(',');
            field(b, "created", RFC_1123.format(versions.get(v))).append('}');
        }
        b.append("],");
        LocalDate lastVersionDay = versions.get(versions.size() - 1).toLocalDate();
        field(b, "update_date", lastVersionDay.plusDays(random.nextInt(3)).toString()).append(',');
        b.append("\"authors_parsed\":[");
        for (int a = 0; a < authors.size(); a++) {
            b.append(a == 0 ? "[" : ",[");
            string(b, authors.get(a)[0]).append(',');
            string(b, authors.get(a)[1]).append(",\"\"]");
        }
        b.append("]}");
    }

    /** Each author is {last, first, "first last"}; counts skew to 2–6 like arXiv's median of 4. */
    private List<String[]> authors() {
        double u = random.nextDouble();
        int n = u < 0.10 ? 1 : u < 0.85 ? 2 + random.nextInt(5) : 7 + random.nextInt(6);
        List<String[]> authors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String first = firstNames[random.nextInt(firstNames.length)];
            if (random.nextDouble() < 0.3) {
                first = first.charAt(0) + ".";
            }
            String last = lastNames[random.nextInt(lastNames.length)];
            authors.add(new String[] {last, first, first + " " + last});
        }
        return authors;
    }

    private static String authorLine(List<String[]> authors) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < authors.size(); i++) {
            if (i > 0) {
                line.append(i == authors.size() - 1 ? " and " : ", ");
            }
            line.append(authors.get(i)[2]);
        }
        return line.toString();
    }

    /** 1–4 versions: v1 in the id's month, later ones days to months after. */
    private List<ZonedDateTime> versions(LocalDate month) {
        int n = 1 + (random.nextDouble() < 0.55 ? 0 : random.nextDouble() < 0.65 ? 1 : 1 + random.nextInt(1, 3));
        ZonedDateTime t = month.atStartOfDay(ZoneOffset.UTC)
                .plusDays(random.nextInt(month.lengthOfMonth()))
                .plusSeconds(random.nextInt(86_400));
        List<ZonedDateTime> versions = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            versions.add(t);
            t = t.plusDays(1 + random.nextInt(180)).plusSeconds(random.nextInt(86_400));
        }
        return versions;
    }

    private String[] categories() {
        int n = 1 + (random.nextDouble() < 0.45 ? 0 : random.nextDouble() < 0.6 ? 1 : 2);
        List<String> chosen = new ArrayList<>(n);
        while (chosen.size() < n) {
            String c = CATEGORIES[pick(categoryCumulative)];
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        return chosen.toArray(String[]::new);
    }

    /** 6–16 words in title case; a third hard-wrapped with "\n  " after at most 70 columns, as arXiv does. */
    private String title() {
        int n = 6 + random.nextInt(11);
        List<String> ws = new ArrayList<>(n);
        int length = 0;
        for (int i = 0; i < n; i++) {
            String w = word();
            ws.add(i == 0 || w.length() > 3 ? capitalize(w) : w);
            length += w.length() + 1;
        }
        int wrapAfter = random.nextDouble() < 0.34 ? Math.min(70, length / 2 + random.nextInt(length / 4 + 1)) : Integer.MAX_VALUE;
        StringBuilder t = new StringBuilder(ws.get(0));
        for (int i = 1; i < n; i++) {
            boolean wrap = t.length() + 1 + ws.get(i).length() > wrapAfter;
            t.append(wrap ? "\n  " : " ").append(ws.get(i));
            wrapAfter = wrap ? Integer.MAX_VALUE : wrapAfter;
        }
        return t.toString();
    }

    /** "  " + sentences wrapped at about 80 columns + "\n"; some with math, some with two paragraphs. */
    private String abstractText() {
        // Right-skewed like real abstracts (arXiv caps them at 1,920 characters): median 138, mean 155 words.
        int n = 120 + (int) (141 * Math.pow(random.nextDouble(), 3));
        boolean math = random.nextDouble() < 0.4;
        int paragraphBreak = random.nextDouble() < 0.1 ? n / 2 : -1;
        StringBuilder a = new StringBuilder(n * 8);
        a.append("  ");
        int lineStart = 0;
        int sentenceLeft = 0;
        for (int i = 0; i < n; i++) {
            boolean sentenceStart = sentenceLeft == 0;
            if (sentenceStart) {
                sentenceLeft = 8 + random.nextInt(23);
            }
            String w = math && random.nextInt(n) == 0 ? MATH[random.nextInt(MATH.length)] : word();
            if (sentenceStart) {
                w = capitalize(w);
            }
            if (--sentenceLeft == 0 || i == n - 1) {
                w = w + ".";
                sentenceLeft = 0;
            } else if (random.nextInt(12) == 0) {
                w = w + ",";
            }
            if (i == paragraphBreak && sentenceStart) {
                a.append("\n  ");
                lineStart = a.length() - 2;
            } else if (i > 0 && a.length() - lineStart + 1 + w.length() > WRAP_COLUMNS) {
                a.append('\n');
                lineStart = a.length();
            } else if (i > 0) {
                a.append(' ');
            }
            a.append(w);
        }
        return a.append('\n').toString();
    }

    private String comments() {
        double u = random.nextDouble();
        String pages = (4 + random.nextInt(40)) + " pages, " + (1 + random.nextInt(15)) + " figures";
        if (u < 0.55) {
            return pages;
        }
        if (u < 0.80) {
            return "Accepted at " + VENUES[random.nextInt(VENUES.length)] + " " + (2016 + random.nextInt(10)) + "; " + pages;
        }
        if (u < 0.92) {
            return pages + ". Code is available at https://github.com/" + lastNames[random.nextInt(lastNames.length)]
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "/" + word().toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9-]", "") + "-" + random.nextInt(1000);
        }
        return pages + ",\n  " + (1 + random.nextInt(6)) + " tables; version with corrected appendix";
    }

    private String journalRef(ZonedDateTime v1) {
        int year = v1.getYear() + 1;
        return JOURNALS[random.nextInt(JOURNALS.length)] + " " + (1 + random.nextInt(120)) + ", "
                + (1 + random.nextInt(9999)) + " (" + year + ")";
    }

    private String doi(ZonedDateTime v1) {
        return "10." + (1000 + random.nextInt(9000)) + "/" + word().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x")
                + "." + v1.getYear() + "." + random.nextInt(100_000);
    }

    private String word() {
        return words[pick(wordCumulative)];
    }

    private int pick(double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private static String capitalize(String w) {
        return w.isEmpty() || Character.isUpperCase(w.charAt(0)) ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":");
        return value == null ? b.append("null") : string(b, value);
    }

    /**
     * Appends {@code s} as a JSON string the way the Kaggle file writes them: {@code \"}, {@code \\},
     * {@code \n}, {@code \t}, other control characters and all non-ASCII as {@code \}{@code uXXXX}
     * (UTF-16 units, so characters beyond the BMP become surrogate pairs, as JSON requires).
     */
    static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append("\\u").append(Character.forDigit(c >> 12, 16)).append(Character.forDigit((c >> 8) & 0xf, 16))
                                .append(Character.forDigit((c >> 4) & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    /**
     * The string value of top-level {@code key} in one JSON line, or the strings of its list value;
     * empty for null or a missing key. A small reader for the trusted, well-formed vocabulary file.
     */
    private static List<String> strings(String line, String key) {
        List<String> found = new ArrayList<>();
        int at = line.indexOf("\"" + key + "\"");
        if (at < 0) {
            return found;
        }
        int i = skipSpace(line, line.indexOf(':', at + key.length() + 2) + 1);
        boolean list = line.charAt(i) == '[';
        if (list) {
            i = skipSpace(line, i + 1);
        }
        while (i < line.length() && line.charAt(i) == '"') {
            StringBuilder text = new StringBuilder();
            i = readString(line, i + 1, text);
            found.add(text.toString());
            if (!list) {
                break;
            }
            i = skipSpace(line, i);
            i = i < line.length() && line.charAt(i) == ',' ? skipSpace(line, i + 1) : i;
        }
        return found;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Decodes the string body starting at {@code i} into {@code out}; returns the index after the closing quote. */
    private static int readString(String s, int i, StringBuilder out) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
        throw new IllegalArgumentException("unterminated JSON string in the vocabulary file");
    }
}
