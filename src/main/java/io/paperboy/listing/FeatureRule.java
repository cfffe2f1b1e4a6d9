package io.paperboy.listing;

import io.paperboy.paper.Paper;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An auto-feature rule: papers in a category whose title or abstract matches a keyword pattern,
 * or one of whose authors matches an author pattern, are featured by a bot. Written
 * {@code cat=cs.CL;keyword=retrieval|RAG;author=LeCun} (patterns are case-insensitive regular
 * expressions); the category is required, and at least one of keyword and author.
 */
public record FeatureRule(String category, Pattern keyword, Pattern author) {

    public static FeatureRule parse(String text) {
        String category = null;
        Pattern keyword = null;
        Pattern author = null;
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "rule '" + text + "': expected key=value parts separated by ';', got '" + part + "'");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "cat" -> category = ListingFilter.parse(value, null).category();
                case "keyword" -> keyword = pattern(text, value);
                case "author" -> author = pattern(text, value);
                default ->
                    throw new IllegalArgumentException(
                            "rule '" + text + "': unknown key '" + key + "' (use cat, keyword, author)");
            }
        }
        if (category == null || (keyword == null && author == null)) {
            throw new IllegalArgumentException(
                    "rule '" + text + "': needs cat= and at least one of keyword= and author=");
        }
        return new FeatureRule(category, keyword, author);
    }

    public boolean matches(Paper paper) {
        if (!new ListingFilter(category, false).matches(paper)) {
            return false;
        }
        boolean byKeyword = keyword != null
                && (keyword.matcher(paper.title()).find()
                        || keyword.matcher(paper.abstractText()).find());
        boolean byAuthor = author != null
                && paper.authors().stream().anyMatch(a -> author.matcher(a).find());
        return byKeyword || byAuthor;
    }

    private static Pattern pattern(String rule, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("rule '" + rule + "': an empty pattern would match every paper");
        }
        try {
            return Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "rule '" + rule + "': pattern '" + value + "' is not a regular expression: " + e.getDescription());
        }
    }
}
