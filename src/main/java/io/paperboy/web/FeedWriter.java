package io.paperboy.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.paperboy.json.Json;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** Writes a {@link Feed} as Atom 1.0 or RSS 2.0 (through Rome) or JSON Feed 1.1 (through Jackson). */
public final class FeedWriter {
    /** The three formats, by URL extension, with their media types. */
    public enum Format {
        ATOM("atom", "application/atom+xml; charset=utf-8", "atom_1.0"),
        RSS("rss", "application/rss+xml; charset=utf-8", "rss_2.0"),
        JSON("json", "application/feed+json; charset=utf-8", null);

        private final String extension;
        private final String mediaType;
        private final String romeType;

        Format(String extension, String mediaType, String romeType) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.romeType = romeType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Format of(String extension) {
            for (Format f : values()) {
                if (f.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown feed format '" + extension + "': use atom, rss or json");
        }
    }

    public String write(Feed feed, Format format) {
        return format == Format.JSON ? jsonFeed(feed) : rome(feed, format.romeType);
    }

    private static String rome(Feed feed, String type) {
        SyndFeed out = new SyndFeedImpl();
        out.setFeedType(type);
        out.setTitle(feed.title());
        out.setDescription(feed.description());
        out.setLink(feed.homePage());
        out.setUri(feed.id());
        out.setPublishedDate(Date.from(feed.updated()));
        // Atom wants an author for every entry: one for the feed covers the papers that name none.
        SyndPerson site = new SyndPersonImpl();
        site.setName("Paperboy");
        out.setAuthors(List.of(site));
        List<SyndEntry> entries = new ArrayList<>();
        feed.items().forEach(item -> entries.add(entry(item)));
        out.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(withoutNamelessAuthors(out.createWireFeed()));
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write a " + type + " feed: " + e.getMessage(), e);
        }
    }

    // Rome gives an Atom entry without authors an author with no name (<name />), which Atom
    // forbids; the feed's own author already covers such an entry.
    private static WireFeed withoutNamelessAuthors(WireFeed wire) {
        if (wire instanceof com.rometools.rome.feed.atom.Feed atom) {
            for (Entry entry : atom.getEntries()) {
                entry.setAuthors(entry.getAuthors().stream()
                        .filter(person ->
                                person.getName() != null && !person.getName().isBlank())
                        .toList());
            }
        }
        return wire;
    }

    private static SyndEntry entry(Feed.Item item) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(item.id());
        entry.setTitle(item.title());
        entry.setLink(item.link());
        entry.setPublishedDate(Date.from(item.date()));
        entry.setUpdatedDate(Date.from(item.date()));
        List<SyndPerson> authors = new ArrayList<>();
        for (String name : item.authors()) {
            SyndPerson person = new SyndPersonImpl();
            person.setName(name);
            authors.add(person);
        }
        if (!authors.isEmpty()) {
            entry.setAuthors(authors);
        }
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(item.summary());
        entry.setDescription(summary);
        return entry;
    }

    private static String jsonFeed(Feed feed) {
        return Json.write(new JsonFeed(
                "https://jsonfeed.org/version/1.1",
                feed.title(),
                feed.homePage(),
                feed.id(),
                feed.description(),
                feed.items().stream()
                        .map(item -> new JsonFeed.Item(
                                item.id(),
                                item.link(),
                                item.title(),
                                item.summary(),
                                item.date().toString(),
                                item.authors().isEmpty()
                                        ? null
                                        : item.authors().stream()
                                                .map(JsonFeed.Author::new)
                                                .toList()))
                        .toList()));
    }

    /** A JSON Feed 1.1 document (jsonfeed.org/version/1.1), the fields in the specification's order. */
    record JsonFeed(
            String version,
            String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            String description,
            List<Item> items) {

        /** An item; {@code authors} absent when the paper names none. */
        record Item(
                String id,
                String url,
                String title,
                @JsonProperty("content_text") String contentText,
                @JsonProperty("date_published") String datePublished,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<Author> authors) {}

        /** An author, by name. */
        record Author(String name) {}
    }
}
