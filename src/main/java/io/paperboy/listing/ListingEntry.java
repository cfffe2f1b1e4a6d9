package io.paperboy.listing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A paper featured on a day's listing.
 *
 * @param submittedBy who put it there (a user name), or null when the source does not say
 * @param upvotes votes the entry had at its source when imported
 * @param source where the entry came from: {@code hf}, {@code seed}, {@code export},
 *     {@code submission} (a member), …
 * @param featuredVersion the arXiv version the entry featured, 0 when the source did not say
 * @param earlierDay when this entry features a new version again, the day of the entry before it; else null
 */
public record ListingEntry(
        String paperId,
        LocalDate day,
        String submittedBy,
        int upvotes,
        String source,
        int featuredVersion,
        LocalDate earlierDay) {
    /** Entries from a member's submission (or a curator's feature-again) carry this source. */
    public static final String SUBMISSION = "submission";

    public ListingEntry {
        Objects.requireNonNull(paperId, "paperId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(source, "source");
        if (upvotes < 0) {
            throw new IllegalArgumentException("upvotes cannot be negative: " + upvotes);
        }
        if (featuredVersion < 0) {
            throw new IllegalArgumentException("featured version cannot be negative: " + featuredVersion);
        }
    }

    /** An entry whose source does not say which version it featured and that follows no earlier one. */
    public ListingEntry(String paperId, LocalDate day, String submittedBy, int upvotes, String source) {
        this(paperId, day, submittedBy, upvotes, source, 0, null);
    }

    /** True when a member of this site put the entry here, so its submitter has a profile here. */
    public boolean bySubmission() {
        return SUBMISSION.equals(source) && submittedBy != null;
    }

    /** The key: a paper is featured at most once a day. */
    public String key() {
        return paperId + "@" + day;
    }

    /**
     * Combines a stored entry with a re-imported one: the higher vote count wins (sources only
     * ever report growing counts, and max is order-independent), a known submitter, version and
     * earlier day are kept.
     */
    public ListingEntry mergedWith(ListingEntry incoming) {
        return new ListingEntry(
                paperId,
                day,
                submittedBy != null ? submittedBy : incoming.submittedBy(),
                Math.max(upvotes, incoming.upvotes()),
                source,
                featuredVersion != 0 ? featuredVersion : incoming.featuredVersion(),
                earlierDay != null ? earlierDay : incoming.earlierDay());
    }
}
