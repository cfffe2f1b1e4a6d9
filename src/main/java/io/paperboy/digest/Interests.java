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

    /** "the searches “a” and “b”, the author Ada Lovelace and the category cs.CL", for people. */
    public String describe() {
        List<String> parts = new java.util.ArrayList<>();
        if (!searches.isEmpty()) {
            parts.add(named(
                    "search",
                    "searches",
                    searches.stream().map(q -> "“" + q + "”").toList()));
        }
        if (!authors.isEmpty()) {
            parts.add(named("author", "authors", authors));
        }
        if (!categories.isEmpty()) {
            parts.add(named("category", "categories", categories));
        }
        return and(parts);
    }

    private static String named(String one, String many, List<String> items) {
        return "the " + (items.size() == 1 ? one : many) + " " + and(items);
    }

    private static String and(List<String> items) {
        return items.size() == 1
                ? items.getFirst()
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** The search query that finds papers by {@code author}, as the search page would write it. */
    static String authorQuery(String author) {
        return "author:\"" + author.replace("\"", "") + "\"";
    }

    static String categoryQuery(String category) {
        return "cat:" + category;
    }
}
