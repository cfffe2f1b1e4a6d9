package io.paperboy.listing;

import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import java.util.regex.Pattern;

/**
 * The filters every listing takes: an arXiv category ({@code ?cat=cs.CL}; an archive such as
 * {@code cs} matches all its categories) and "has code" ({@code ?code=1}).
 */
public record ListingFilter(String category, boolean hasCode) {
    public static final ListingFilter NONE = new ListingFilter(null, false);
    private static final Pattern CATEGORY = Pattern.compile("[a-zA-Z][a-zA-Z-]{0,15}(\\.[a-zA-Z][a-zA-Z-]{0,15})?");

    /** Reads the query parameters; a malformed value is an IllegalArgumentException saying why. */
    public static ListingFilter parse(String category, String code) {
        String cat = category == null || category.isBlank() ? null : category.strip();
        if (cat != null && !CATEGORY.matcher(cat).matches()) {
            throw new IllegalArgumentException(
                    "'" + Period.printable(cat) + "' is not an arXiv category such as cs.CL");
        }
        boolean hasCode = switch (code == null ? "" : code.strip()) {
            case "", "0", "false" -> false;
            case "1", "true" -> true;
            default -> throw new IllegalArgumentException("code must be 1 or 0, not '" + Period.printable(code) + "'");
        };
        return new ListingFilter(cat, hasCode);
    }

    public boolean matches(Paper paper) {
        if (hasCode && paper.links().stream().noneMatch(l -> l.kind() == LinkKind.GITHUB)) {
            return false;
        }
        return category == null || paper.categories().stream().anyMatch(this::categoryMatches);
    }

    private boolean categoryMatches(String paperCategory) {
        return paperCategory.equalsIgnoreCase(category)
                || (!category.contains(".")
                        && paperCategory
                                .toLowerCase(java.util.Locale.ROOT)
                                .startsWith(category.toLowerCase(java.util.Locale.ROOT) + "."));
    }

    /** The query string that reproduces this filter, with a leading '?', or "" when empty. */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (category != null) {
            q.append("cat=").append(category);
        }
        if (hasCode) {
            q.append(q.isEmpty() ? "" : "&").append("code=1");
        }
        return q.isEmpty() ? "" : "?" + q;
    }
}
