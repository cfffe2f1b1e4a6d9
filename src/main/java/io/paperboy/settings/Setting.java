package io.paperboy.settings;

import java.util.List;

/** One stored setting: its name in site_settings, the option that used to set it per node, and its label. */
public enum Setting {
    HARVEST_SETS("harvest_sets", "--harvest-set", "arXiv sets harvested nightly"),
    HARVEST_HOUR("harvest_hour", "--harvest-hour", "Hour of the nightly harvest (UTC)"),
    FEATURE_RULES("feature_rules", "--feature", "Auto-feature rules"),
    FEATURE_AS("feature_as", "--feature-as", "Auto-featured papers are submitted by");

    private final String key;
    private final String option;
    private final String label;

    Setting(String key, String option, String label) {
        this.key = key;
        this.option = option;
        this.label = label;
    }

    /** Its row's name in site_settings, also its form field's name. */
    public String key() {
        return key;
    }

    /** The node option that seeds it. */
    public String option() {
        return option;
    }

    public String label() {
        return label;
    }

    /** Its value as stored: lists one item a line, numbers and names as text. */
    String stored(SiteSettings s) {
        return switch (this) {
            case HARVEST_SETS -> String.join("\n", s.harvestSets());
            case HARVEST_HOUR -> Integer.toString(s.harvestHour());
            case FEATURE_RULES -> String.join("\n", s.featureRules());
            case FEATURE_AS -> s.featureAs();
        };
    }

    /** {@code s} with this setting's stored value (already checked) in place of its own. */
    SiteSettings with(SiteSettings s, String value) {
        return switch (this) {
            case HARVEST_SETS -> new SiteSettings(lines(value), s.harvestHour(), s.featureRules(), s.featureAs());
            case HARVEST_HOUR ->
                new SiteSettings(s.harvestSets(), Integer.parseInt(value), s.featureRules(), s.featureAs());
            case FEATURE_RULES -> new SiteSettings(s.harvestSets(), s.harvestHour(), lines(value), s.featureAs());
            case FEATURE_AS -> new SiteSettings(s.harvestSets(), s.harvestHour(), s.featureRules(), value);
        };
    }

    /** How it reads in a log line: {@code cs, math}, {@code 3}, a rule list. */
    String shown(SiteSettings s) {
        String value = stored(s).replace("\n", ", ");
        return value.isEmpty() ? "none" : value;
    }

    private static List<String> lines(String value) {
        return value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
