package io.paperboy.web;

import java.time.Instant;
import java.util.List;

/**
 * A feed of papers before it is written as Atom, RSS or JSON Feed.
 *
 * @param id stable feed id (an absolute URL), used as Atom's {@code id} and JSON Feed's {@code feed_url}
 * @param updated when the newest item was featured
 */
public record Feed(String id, String title, String description, String homePage, Instant updated, List<Item> items) {
    public Feed {
        items = List.copyOf(items);
    }

    /**
     * One paper in a feed.
     *
     * @param id stable item id: the paper's absolute URL here, which never changes
     */
    public record Item(String id, String title, String link, List<String> authors, String summary, Instant date) {
        public Item {
            authors = List.copyOf(authors);
        }
    }
}
