package io.paperboy.digest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The subscription form, parsed: every field checked, every problem collected (field → what is
 * allowed), so the page can show them all at once beside what was typed.
 */
public record SubscriptionInput(String email, Frequency frequency, int hour, ZoneId zone, Interests interests) {
    static final int MAX_EMAIL = 254;
    static final int MAX_ITEMS = 10;
    static final int MAX_ITEM_CHARS = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CATEGORY =
            Pattern.compile("[a-z][a-z-]{0,15}(\\.[a-z][a-z-]{0,15})?", Pattern.CASE_INSENSITIVE);

    /** Raw form values, as typed (any may be null). Lists are one entry per line. */
    public record Raw(
            String email,
            String frequency,
            String hour,
            String zone,
            String searches,
            String authors,
            String categories) {}

    /**
     * Parses {@code raw}; problems go into {@code problems} keyed by field name and the result is
     * null when there is any. A null email is allowed when {@code needEmail} is false (members).
     */
    static SubscriptionInput parse(Raw raw, boolean needEmail, Map<String, String> problems) {
        String email = needEmail ? email(raw.email(), problems) : null;
        Frequency frequency = null;
        try {
            frequency = Frequency.of(raw.frequency());
        } catch (IllegalArgumentException e) {
            problems.put("frequency", e.getMessage());
        }
        int hour = hour(raw.hour(), problems);
        ZoneId zone = zone(raw.zone(), problems);
        Interests interests = interests(raw.searches(), raw.authors(), raw.categories(), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new SubscriptionInput(email, frequency, hour, zone, interests);
    }

    /**
     * Searches, authors and categories as typed (one per line) into {@code problems} under
     * "searches", "authors" and "categories"; also the webhook destination form's fields.
     */
    public static Interests interests(
            String searchLines, String authorLines, String categoryLines, Map<String, String> problems) {
        List<String> searches = lines("searches", searchLines, problems);
        List<String> authors = lines("authors", authorLines, problems);
        List<String> categories = sameIgnoringCase(lines("categories", categoryLines, problems));
        for (String category : categories) {
            if (!CATEGORY.matcher(category).matches()) {
                problems.putIfAbsent("categories", "'" + category + "' is not an arXiv category such as cs.CL or math");
            }
        }
        return new Interests(searches, authors, categories);
    }

    // Categories keep the case they were typed in (cs.CL, as arXiv writes it); cs.cl after cs.CL is a repeat.
    private static List<String> sameIgnoringCase(List<String> items) {
        Set<String> seen = new HashSet<>();
        return items.stream().filter(c -> seen.add(c.toLowerCase(Locale.ROOT))).toList();
    }

    static Map<String, String> problems() {
        return new LinkedHashMap<>();
    }

    static String normalizeEmail(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    private static String email(String raw, Map<String, String> problems) {
        String email = normalizeEmail(raw);
        if (email.isEmpty()) {
            problems.put("email", "enter the address the digest should go to");
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            problems.put(
                    "email", "must be a mail address such as ada@example.org (at most " + MAX_EMAIL + " characters)");
        }
        return email;
    }

    /** The hour of day (0-23) typed, or -1 with a problem under "hour". */
    public static int hour(String raw, Map<String, String> problems) {
        try {
            int hour = Integer.parseInt(raw == null ? "" : raw.strip());
            if (hour >= 0 && hour <= 23) {
                return hour;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put("hour", "must be a whole hour from 0 to 23");
        return -1;
    }

    /** The IANA time zone typed, or null with a problem under "zone". */
    public static ZoneId zone(String raw, Map<String, String> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.put("zone", "choose a time zone, such as Europe/Paris, America/New_York or UTC");
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            problems.put(
                    "zone",
                    "'" + printable(value) + "' is not a time zone: choose one from the list, such as "
                            + "Europe/Paris, America/New_York or UTC");
            return null;
        }
    }

    private static List<String> lines(String field, String raw, Map<String, String> problems) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String line : (raw == null ? "" : raw).split("\\R")) {
            String item = line.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (item.length() > MAX_ITEM_CHARS || item.chars().anyMatch(Character::isISOControl)) {
                problems.putIfAbsent(field, "each line is at most " + MAX_ITEM_CHARS + " characters of text");
            }
            items.add(item);
        }
        if (items.size() > MAX_ITEMS) {
            problems.putIfAbsent(field, "at most " + MAX_ITEMS + " lines (you gave " + items.size() + ")");
        }
        return new ArrayList<>(items);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
