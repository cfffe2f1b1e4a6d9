package io.paperboy.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.paperboy.paper.ApiPaper;

/**
 * One entry of {@code GET /api/daily_papers}, in the shape of Hugging Face's: the paper (with when and by
 * whom it was featured), then its title, summary and publication time again, the submitter and the
 * comment count; {@code trending} only when the list is ranked by the trending score.
 *
 * @param submittedBy null (written) for imported entries that no member submitted
 */
public record DailyEntry(
        Featured paper,
        String title,
        String summary,
        String publishedAt,
        ApiPaper.Person submittedBy,
        int numComments,
        @JsonInclude(JsonInclude.Include.NON_NULL) Trending trending) {

    /** The paper as {@code /api/papers/{id}} shows it, then {@code submittedOnDailyAt} and {@code submittedOnDailyBy}. */
    public record Featured(
            @JsonUnwrapped ApiPaper paper, String submittedOnDailyAt, ApiPaper.Person submittedOnDailyBy) {}

    /** The trending score and why, in words. */
    public record Trending(double score, String why) {}

    static DailyEntry of(ListedPaper listed, ApiPaper paper) {
        ListingEntry entry = listed.entry();
        ApiPaper.Person by = entry.submittedBy() == null ? null : new ApiPaper.Person(entry.submittedBy());
        Trend trend = listed.trend();
        return new DailyEntry(
                new Featured(paper, entry.day() + "T00:00:00.000Z", by),
                listed.paper().title(),
                listed.paper().abstractText(),
                paper.publishedAt(),
                by,
                paper.numComments(),
                trend == null ? null : new Trending(trend.score(), trend.why()));
    }
}
