package io.paperboy.listing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A paper featured on a day's listing.
 *
 * @param submittedBy who put it there (a user name), or null when the source does not say
 * @param upvotes votes the entry had at its source when imported
 * @param source where the entry came from: {@code hf}, {@code seed}, {@code export}, …
 */
public record ListingEntry(String paperId, LocalDate day, String submittedBy, int upvotes, String source) {
    public ListingEntry {
        Objects.requireNonNull(paperId, "paperId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(source, "source");
        if (upvotes < 0) {
            throw new IllegalArgumentException("upvotes cannot be negative: " + upvotes);
        }
    }

    /** The key: a paper is featured at most once a day. */
    public String key() {
        return paperId + "@" + day;
    }

    /**
     * Combines a stored entry with a re-imported one: the higher vote count wins (sources only
     * ever report growing counts, and max is order-independent), a known submitter is kept.
     */
    public ListingEntry mergedWith(ListingEntry incoming) {
        return new ListingEntry(paperId, day,
                submittedBy != null ? submittedBy : incoming.submittedBy(),
                Math.max(upvotes, incoming.upvotes()),
                source);
    }
}
