package io.paperboy.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A listing entry as {@code POST /api/papers/submit} answers it: the entry it created (with the paper's
 * {@code title}), or, inside a refusal, the entry already featured (without one).
 *
 * @param submittedBy null (written) for an imported entry
 * @param version the arXiv version featured, absent when not recorded
 * @param earlierDate the day the paper was featured before (a feature-again), absent otherwise
 */
public record SubmittedEntry(
        String id,
        String date,
        String submittedBy,
        String url,
        String listingUrl,
        @JsonInclude(Include.NON_NULL) Integer version,
        @JsonInclude(Include.NON_NULL) String earlierDate,
        @JsonInclude(Include.NON_NULL) String title) {

    static SubmittedEntry of(ListingEntry entry, String title) {
        return new SubmittedEntry(
                entry.paperId(),
                entry.day().toString(),
                entry.submittedBy(),
                "/papers/" + entry.paperId(),
                Period.day(entry.day()).path(),
                entry.featuredVersion() > 0 ? entry.featuredVersion() : null,
                entry.earlierDay() == null ? null : entry.earlierDay().toString(),
                title);
    }

    /** A refused submission: the message, the reason's name ({@code ALREADY_FEATURED}, …) and the entry in the way. */
    public record Refusal(
            String error,
            String reason,
            @JsonInclude(Include.NON_NULL) SubmittedEntry featured) {}
}
