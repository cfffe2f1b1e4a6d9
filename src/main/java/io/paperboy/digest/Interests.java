package io.paperboy.digest;

import java.util.List;

/**
 * What a subscription follows besides the trending papers: saved searches (the search page's
 * query language), author names and arXiv categories, each in the order the subscriber gave them.
 */
public record Interests(List<String> searches, List<String> authors, List<String> categories) {
    public static final Interests NONE = new Interests(List.of(), List.of(), List.of());

    public Interests {
        searches = List.copyOf(searches);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    public boolean isEmpty() {
        return searches.isEmpty() && authors.isEmpty() && categories.isEmpty();
    }

    /** The search query that finds papers by {@code author}, as the search page would write it. */
    static String authorQuery(String author) {
        return "author:\"" + author.replace("\"", "") + "\"";
    }

    static String categoryQuery(String category) {
        return "cat:" + category;
    }
}
