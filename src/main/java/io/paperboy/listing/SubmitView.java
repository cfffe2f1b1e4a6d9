package io.paperboy.listing;

import io.paperboy.web.Form;
import io.paperboy.web.Page;

/**
 * What the submit page shows: the form as typed, and why the last submission was refused, if it
 * was ({@code refused}); {@code curator} offers a curator the feature-again button beside an
 * already featured paper.
 */
public record SubmitView(Page page, Form form, SubmissionRefused refused, boolean curator) {
    public String csrf() {
        return page.visitor().csrfToken();
    }

    public boolean verified() {
        return page.member() != null && page.member().verified();
    }

    /** The listing page of the day the refused paper is featured on, or null. */
    public String featuredDayPath() {
        return refused == null || refused.featured() == null ? null : Period.day(refused.featured().day()).path();
    }

    public boolean offerFeatureAgain() {
        return curator && refused != null && refused.reason() == SubmissionRefused.Reason.ALREADY_FEATURED
                && refused.paper() != null;
    }
}
