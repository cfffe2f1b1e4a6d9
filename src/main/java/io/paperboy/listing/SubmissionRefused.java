package io.paperboy.listing;

import io.paperboy.paper.Paper;

/**
 * A submission that was not stored, and why: the message is for the member, {@code status} the
 * HTTP answer, and for an already featured paper the entry it is featured in.
 */
public final class SubmissionRefused extends RuntimeException {
    /** Why nothing was stored. */
    public enum Reason {
        /** arXiv does not know the id. */
        NOT_ON_ARXIV(422),
        /** arXiv could not be asked. */
        ARXIV_UNAVAILABLE(502),
        /** The paper is on a listing already. */
        ALREADY_FEATURED(409),
        /** A curator asked to feature a paper again that has no newer version than the featured one. */
        NO_NEW_VERSION(409),
        /** Feature-again for a paper that was never featured: it is a plain submission. */
        NEVER_FEATURED(409),
        /** The member has as many papers waiting for arXiv as one account may. */
        YOURS_WAITING(429),
        /** The line for arXiv is full, or too slow to wait in. */
        LINE_FULL(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** Refused before arXiv was asked: the member's or the line's limit, not an answer about the paper. */
        public boolean beforeArxiv() {
            return this == YOURS_WAITING || this == LINE_FULL;
        }
    }

    private final Reason reason;
    private final transient Paper paper;
    private final ListingEntry featured;

    SubmissionRefused(Reason reason, String message, Paper paper, ListingEntry featured) {
        super(message);
        this.reason = reason;
        this.paper = paper;
        this.featured = featured;
    }

    public Reason reason() {
        return reason;
    }

    /** The paper concerned, when it is known here; else null. */
    public Paper paper() {
        return paper;
    }

    /** The latest entry featuring the paper (already featured, no new version); else null. */
    public ListingEntry featured() {
        return featured;
    }
}
