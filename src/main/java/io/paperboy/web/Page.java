package io.paperboy.web;

import java.util.List;

/**
 * What the layout needs from every page: its title, a description for link previews, its
 * canonical path, the feeds it advertises and any extra {@code <meta>} tags.
 */
public record Page(String title, String description, String path, List<FeedLink> feeds, List<Meta> meta) {
    public Page {
        feeds = List.copyOf(feeds);
        meta = List.copyOf(meta);
    }

    public static Page of(String title, String description, String path) {
        return new Page(title, description, path, List.of(), List.of());
    }

    public Page withFeeds(List<FeedLink> feeds) {
        return new Page(title, description, path, feeds, meta);
    }

    public Page withMeta(List<Meta> meta) {
        return new Page(title, description, path, feeds, meta);
    }

    /** A feed advertised with {@code <link rel="alternate">}. */
    public record FeedLink(String title, String type, String href) {}

    /** A {@code <meta>} tag: {@code property} for Open Graph, {@code name} for the rest. */
    public record Meta(String attribute, String key, String content) {
        public static Meta name(String key, String content) {
            return new Meta("name", key, content);
        }

        public static Meta property(String key, String content) {
            return new Meta("property", key, content);
        }
    }
}
