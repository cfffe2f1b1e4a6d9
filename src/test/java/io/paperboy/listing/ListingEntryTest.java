package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class ListingEntryTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 12);

    @Test
    void merge_keepsTheHigherVoteCountAndAKnownSubmitter() {
        ListingEntry stored = new ListingEntry("2606.13681", DAY, "zhiyuanhucs", 100, "hf");
        ListingEntry later = new ListingEntry("2606.13681", DAY, null, 118, "seed");

        assertThat(stored.mergedWith(later)).isEqualTo(new ListingEntry("2606.13681", DAY, "zhiyuanhucs", 118, "hf"));
        assertThat(later.mergedWith(stored)).isEqualTo(new ListingEntry("2606.13681", DAY, "zhiyuanhucs", 118, "seed"));
    }

    @Test
    void negativeUpvotes_areRejected() {
        assertThatThrownBy(() -> new ListingEntry("2606.13681", DAY, null, -1, "hf"))
                .hasMessage("upvotes cannot be negative: -1");
    }

    @Test
    void merge_keepsTheFeaturedVersionAndTheEarlierDay() {
        ListingEntry submitted =
                new ListingEntry("2606.13681", DAY, "ada", 0, ListingEntry.SUBMISSION, 2, DAY.minusDays(30));
        ListingEntry imported = new ListingEntry("2606.13681", DAY, null, 7, "export");

        assertThat(submitted.mergedWith(imported))
                .isEqualTo(
                        new ListingEntry("2606.13681", DAY, "ada", 7, ListingEntry.SUBMISSION, 2, DAY.minusDays(30)));
        assertThat(imported.mergedWith(submitted))
                .isEqualTo(new ListingEntry("2606.13681", DAY, "ada", 7, "export", 2, DAY.minusDays(30)));
    }

    @Test
    void onlySubmissionsWithASubmitter_areByAMemberOfThisSite() {
        assertThat(new ListingEntry("2606.13681", DAY, "ada", 0, ListingEntry.SUBMISSION).bySubmission())
                .isTrue();
        assertThat(new ListingEntry("2606.13681", DAY, "zhiyuanhucs", 0, "hf").bySubmission())
                .isFalse();
        assertThat(new ListingEntry("2606.13681", DAY, null, 0, ListingEntry.SUBMISSION).bySubmission())
                .isFalse();
    }
}
