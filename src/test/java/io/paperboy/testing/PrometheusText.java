package io.paperboy.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus's text exposition format 0.0.4 (the format's specification,
 * "Exposition formats", as Prometheus's own parser reads it): each line a {@code # HELP}, a
 * {@code # TYPE}, another comment or a sample; names and label names of the allowed characters;
 * label values quoted with only {@code \\ \" \n} escapes; values Go floats ({@code NaN},
 * {@code +Inf}); at most one HELP and one TYPE per family, the TYPE before the family's samples, a
 * family's lines together; the sample names a family's type allows; no series twice. Anything else
 * is an {@link IllegalArgumentException} naming the line. (The Prometheus Java client writes this
 * format but has no reader.)
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One series: its name, its labels in name order, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> helps = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private PrometheusText() {}

    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        parsed.read(text);
        return parsed;
    }

    private void read(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text does not end with a line feed");
        }
        Set<String> closed = new HashSet<>(); // families whose lines ended: they may not come back
        Set<String> series = new HashSet<>();
        String family = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + number + " '" + line + "': ";
            String name;
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length < 3
                        || !parts[0].equals("#")
                        || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    continue; // any other comment
                }
                name = parts[2];
                check(NAME.matcher(name).matches(), where + "bad metric name");
                String rest = parts.length == 4 ? parts[3] : "";
                if (parts[1].equals("TYPE")) {
                    check(TYPES.contains(rest), where + "unknown type");
                    check(types.putIfAbsent(name, rest) == null, where + "a second TYPE for " + name);
                    check(
                            samples.stream().noneMatch(s -> familyOf(s.name()).equals(name)),
                            where + "TYPE after samples");
                } else {
                    check(
                            helps.putIfAbsent(name, unescapeHelp(rest, where)) == null,
                            where + "a second HELP for " + name);
                }
            } else {
                Sample sample = sample(line, where);
                samples.add(sample);
                name = familyOf(sample.name());
                check(series.add(sample.name() + sample.labels()), where + "the same series twice");
                checkSampleName(sample.name(), name, where);
            }
            if (!name.equals(family)) {
                check(!closed.contains(name), where + "the lines of " + name + " are not together");
                if (family != null) {
                    closed.add(family);
                }
                family = name;
            }
        }
    }

    // The family a sample belongs to: a histogram's or summary's _bucket/_sum/_count go with the declared name.
    private String familyOf(String sample) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (sample.endsWith(suffix)) {
                String base = sample.substring(0, sample.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || "summary".equals(type)) {
                    return base;
                }
            }
        }
        return sample;
    }

    private void checkSampleName(String sample, String family, String where) {
        String type = types.getOrDefault(family, "untyped");
        if (type.equals("histogram")) {
            check(!sample.equals(family), where + "a histogram's sample must be _bucket, _sum or _count");
        }
        if (type.equals("counter")) {
            check(
                    sample.endsWith("_total") || sample.endsWith("_created"),
                    where + "a counter's sample must end in _total");
        }
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        check(NAME.matcher(name).matches(), where + "bad metric name");
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                check(eq > 0, where + "a label without '='");
                String label = line.substring(i, eq);
                check(LABEL.matcher(label).matches(), where + "bad label name '" + label + "'");
                check(line.charAt(eq + 1) == '"', where + "a label value not quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        check(next == '\\' || next == '"' || next == 'n', where + "bad escape \\" + next);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                check(labels.put(label, value.toString()) == null, where + "label " + label + " twice");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else {
                    check(line.charAt(i) == '}', where + "expected ',' or '}'");
                }
            }
            i++;
        }
        check(i < line.length() && line.charAt(i) == ' ', where + "no space before the value");
        String[] rest = line.substring(i + 1).split(" ");
        check(rest.length == 1 || rest.length == 2, where + "expected a value and at most a timestamp");
        if (rest.length == 2) {
            check(rest[1].matches("-?[0-9]+"), where + "bad timestamp");
        }
        return new Sample(name, labels, value(rest[0], where));
    }

    private static double value(String text, String where) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                check(
                        text.matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?"),
                        where + "bad value '" + text + "'");
                yield Double.parseDouble(text);
            }
        };
    }

    private static String unescapeHelp(String text, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                check(i + 1 < text.length(), where + "a HELP ending in '\\'");
                char next = text.charAt(++i);
                check(next == '\\' || next == 'n', where + "bad escape in HELP \\" + next);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("Prometheus text: " + message);
        }
    }

    /** The declared type of a family (counter, gauge, …); null when undeclared. */
    public String type(String family) {
        return types.get(family);
    }

    public String help(String family) {
        return helps.get(family);
    }

    /** Every series of {@code name}, by its labels. */
    public Map<Map<String, String>, Double> series(String name) {
        Map<Map<String, String>, Double> found = new LinkedHashMap<>();
        samples.stream().filter(s -> s.name().equals(name)).forEach(s -> found.put(s.labels(), s.value()));
        return found;
    }

    /** The value of the one series of {@code name} with exactly the labels given as name, value pairs. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Double value = series(name).get(wanted);
        if (value == null) {
            throw new AssertionError("no series " + name + wanted + " in /metrics; " + name + " has "
                    + series(name).keySet());
        }
        return value;
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }
}
