package io.paperboy.settings;

import io.paperboy.listing.FeatureRule;
import io.paperboy.web.InvalidForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The site settings as typed (the operator page's form, or a node's options), checked field by
 * field: every problem is collected and thrown together as an {@link InvalidForm} keyed by the
 * setting's field name, with what is allowed.
 */
public final class SettingsInput {
    /**
     * An OAI-PMH setSpec: parts separated by ':' (arXiv's cs, math, physics:hep-th, cs:cs:AI), each
     * of letters, digits, '-', '.' and '_' (OAI-PMH allows a few more URI characters; arXiv uses none).
     */
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9._-]+(:[A-Za-z0-9._-]+){0,3}");

    static final int MAX_SETS = 50;
    static final int MAX_SET_LENGTH = 64;
    static final int MAX_RULES = 50;
    static final int MAX_RULE_LENGTH = 500;
    static final int MAX_NAME_LENGTH = 60;

    private SettingsInput() {}

    /** Checks {@code typed} (by field name; a missing field is an empty one) and returns the settings. */
    public static SiteSettings parse(Map<String, String> typed) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> sets = sets(text(typed, Setting.HARVEST_SETS), problems);
        int hour = hour(text(typed, Setting.HARVEST_HOUR), problems);
        List<String> rules = rules(text(typed, Setting.FEATURE_RULES), problems);
        String featureAs = name(text(typed, Setting.FEATURE_AS), problems);
        if (!problems.isEmpty()) {
            throw new InvalidForm(problems);
        }
        return new SiteSettings(sets, hour, rules, featureAs);
    }

    /** The sets in {@code raw}, separated by commas, spaces or lines; duplicates dropped. */
    static List<String> sets(String raw, Map<String, String> problems) {
        LinkedHashSet<String> sets = new LinkedHashSet<>();
        for (String part : raw.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.length() > MAX_SET_LENGTH || !SET_SPEC.matcher(part).matches()) {
                problems.putIfAbsent(
                        Setting.HARVEST_SETS.key(),
                        "'" + shorten(part) + "' is not an OAI-PMH set name: use "
                                + "letters, digits, '-', '.' and '_', parts separated by ':' (cs, math, physics:hep-th), at most "
                                + MAX_SET_LENGTH + " characters");
                continue;
            }
            sets.add(part);
        }
        if (sets.size() > MAX_SETS) {
            problems.putIfAbsent(Setting.HARVEST_SETS.key(), "at most " + MAX_SETS + " sets, not " + sets.size());
        }
        return List.copyOf(sets);
    }

    static int hour(String raw, Map<String, String> problems) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return SiteSettings.DEFAULT_HARVEST_HOUR;
        }
        try {
            int hour = Integer.parseInt(value);
            if (hour >= 0 && hour <= 23) {
                return hour;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.put(
                Setting.HARVEST_HOUR.key(),
                "the hour must be a whole number from 0 to 23 (UTC), not '" + shorten(value) + "'");
        return SiteSettings.DEFAULT_HARVEST_HOUR;
    }

    /** One rule a line, each as {@link FeatureRule#parse} reads it. */
    static List<String> rules(String raw, Map<String, String> problems) {
        List<String> rules = new ArrayList<>();
        for (String line :
                raw.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            if (line.length() > MAX_RULE_LENGTH) {
                problems.putIfAbsent(
                        Setting.FEATURE_RULES.key(),
                        "a rule may be at most " + MAX_RULE_LENGTH + " characters; '" + shorten(line) + "' is "
                                + line.length());
                continue;
            }
            try {
                FeatureRule.parse(line);
                rules.add(line);
            } catch (IllegalArgumentException e) {
                problems.putIfAbsent(Setting.FEATURE_RULES.key(), e.getMessage());
            }
        }
        if (rules.size() > MAX_RULES) {
            problems.putIfAbsent(Setting.FEATURE_RULES.key(), "at most " + MAX_RULES + " rules, not " + rules.size());
        }
        return rules;
    }

    static String name(String raw, Map<String, String> problems) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return SiteSettings.DEFAULT_FEATURE_AS;
        }
        if (value.length() > MAX_NAME_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            problems.put(
                    Setting.FEATURE_AS.key(),
                    "a name of at most " + MAX_NAME_LENGTH + " characters on one line, not '" + shorten(value) + "'");
        }
        return value;
    }

    private static String text(Map<String, String> typed, Setting setting) {
        String value = typed.get(setting.key());
        return value == null ? "" : value;
    }

    private static String shorten(String value) {
        String line = value.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
