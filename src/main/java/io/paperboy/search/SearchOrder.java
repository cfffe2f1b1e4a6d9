package io.paperboy.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The order of search results: best match first (by the server's ranking), newest first, or
 * most upvoted first. Date and upvotes order the papers the words match (keyword search decides
 * what matches; meaning would match every paper).
 */
public enum SearchOrder {
    RELEVANCE,
    DATE,
    UPVOTES;

    /** The order a request names ({@code relevance}, {@code date}, {@code upvotes}); relevance when none. */
    public static SearchOrder parse(String raw) throws InvalidQueryException {
        if (raw == null || raw.isBlank()) {
            return RELEVANCE;
        }
        for (SearchOrder order : values()) {
            if (order.param().equals(raw.strip().toLowerCase(Locale.ROOT))) {
                return order;
            }
        }
        throw new InvalidQueryException("sort must be one of: "
                + Arrays.stream(values()).map(SearchOrder::param).collect(Collectors.joining(", ")));
    }

    /** The name in URLs. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
