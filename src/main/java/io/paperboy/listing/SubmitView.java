package io.paperboy.listing;

import io.paperboy.web.Form;
import io.paperboy.web.Page;

/**
 * What the submit page shows: the form as typed, and why the last submission was refused, if it
 * was ({@code refused}); {@code curator} offers a curator the feature-again button beside an
 * already featured paper; {@code line} is the line of lookups waiting for arXiv.
 */
public record SubmitView(Page page, Form form, SubmissionRefused refused, boolean curator, LookupQueue.Wait line) {
    public String csrf() {
        return page.visitor().csrfToken();
    }

    public boolean verified() {
        return page.member() != null && page.member().verified();
    }

    /** The listing page of the day the refused paper is featured on, or null. */
    public String featuredDayPath() {
        return refused == null || refused.featured() == null
                ? null
                : Period.day(refused.featured().day()).path();
    }

    public boolean offerFeatureAgain() {
        return curator
                && refused != null
                && refused.reason() == SubmissionRefused.Reason.ALREADY_FEATURED
                && refused.paper() != null;
    }

    /** What a member submitting a paper new to this site should expect, in words. */
    public String expectedWait() {
        String pace = "Papers this site does not have yet are looked up on arXiv, one at a time"
                + (line.pace().isZero()
                        ? ""
                        : " and one every " + LookupQueue.seconds(line.pace()) + " for the whole site, as arXiv asks")
                + ", members taking turns.";
        if (line.lookups() == 0) {
            return pace + " No lookup is waiting now: yours would start at once.";
        }
        return pace + " " + (line.lookups() == 1 ? "1 lookup is" : line.lookups() + " lookups are")
                + " in line now: yours would start "
                + (line.pace().isZero() ? "after them." : "in about " + LookupQueue.seconds(line.expected()) + ".");
    }
}
