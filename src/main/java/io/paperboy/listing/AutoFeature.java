package io.paperboy.listing;

import io.paperboy.paper.Paper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Features harvested papers that match any rule, on the day arXiv announced them, as a named
 * bot: a small lab's instance fills its daily page by itself.
 */
public record AutoFeature(List<FeatureRule> rules, String bot) {
    public static final String SOURCE = "auto";
    public static final AutoFeature NONE = new AutoFeature(List.of(), "paperboy-bot");

    public AutoFeature {
        rules = List.copyOf(rules);
        if (bot == null || bot.isBlank()) {
            throw new IllegalArgumentException("the bot that features papers needs a name");
        }
    }

    /** Entries for the papers some rule matches; {@code announced} gives each paper's day. */
    public List<ListingEntry> entriesFor(List<Paper> papers, Map<String, LocalDate> announced) {
        List<ListingEntry> entries = new ArrayList<>();
        for (Paper paper : papers) {
            LocalDate day = announced.get(paper.id());
            if (day != null && rules.stream().anyMatch(rule -> rule.matches(paper))) {
                entries.add(new ListingEntry(paper.id(), day, bot, 0, SOURCE));
            }
        }
        return entries;
    }
}
