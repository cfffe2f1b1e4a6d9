package io.paperboy.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A feed of papers before it is written as Atom, RSS or JSON Feed. Every text is cut down to the
 * characters XML 1.0 can carry (no control characters but tab and line breaks, no U+FFFE or
 * U+FFFF, no lone surrogates), here, once, for every feed: a search term or an imported title
 * holding one would otherwise make the XML writer fail.
 *
 * <p>No date is ever made up as 1970-01-01: an item without a date of its own (null) is dated
 * with the feed, and a feed without an {@code updated} (null) is as new as its newest item, or,
 * holding none, as the moment it is written.
 *
 * @param id stable feed id (an absolute URL), used as Atom's {@code id} and JSON Feed's {@code feed_url}
 * @param updated when the newest item was featured (null: work it out as above)
 */
public record Feed(String id, String title, String description, String homePage, Instant updated, List<Item> items) {
    public Feed {
        id = xmlText(id);
        title = xmlText(title);
        description = xmlText(description);
        homePage = xmlText(homePage);
        Instant newest = items.stream()
                .map(Item::date)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        Instant feedDate = updated != null
                ? updated
                : newest != null ? newest : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        updated = feedDate;
        items = items.stream()
                .map(i -> i.date() != null ? i : i.datedAt(feedDate))
                .toList();
    }

    /**
     * One paper in a feed.
     *
     * @param id stable item id: the paper's absolute URL here, which never changes
     * @param authors the named authors (blank names are left out: no empty {@code <name/>})
     * @param date when it was featured or published (null: unknown, the feed's date is used)
     */
    public record Item(String id, String title, String link, List<String> authors, String summary, Instant date) {
        public Item {
            id = xmlText(id);
            title = xmlText(title);
            link = xmlText(link);
            authors = authors.stream()
                    .filter(Objects::nonNull)
                    .map(Feed::xmlText)
                    .map(String::strip)
                    .filter(name -> !name.isEmpty())
                    .toList();
            summary = xmlText(summary);
        }

        Item datedAt(Instant when) {
            return new Item(id, title, link, authors, summary, when);
        }
    }

    /** {@code text} without the characters XML 1.0 cannot carry; null stays null. */
    public static String xmlText(String text) {
        if (text == null || text.codePoints().allMatch(Feed::xmlChar)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Feed::xmlChar).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    // XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets); a lone surrogate arrives as
    // its own code point in the surrogate range and is left out with it.
    private static boolean xmlChar(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
