package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which version an entry featured: recorded on the entry, else read from the paper's version dates. */
final class FeaturedVersionTest {
    private static final Paper THREE_VERSIONS = Paper.builder("2401.12345", "A paper")
            .version(3)
            .versions(List.of(
                    new PaperVersion(1, Instant.parse("2024-01-20T10:00:00Z")),
                    new PaperVersion(2, Instant.parse("2024-03-01T23:30:00Z")),
                    new PaperVersion(3, Instant.parse("2024-06-01T08:00:00Z"))))
            .build();

    private static ListingEntry entry(LocalDate day, int version) {
        return new ListingEntry("2401.12345", day, null, 0, "hf", version, null);
    }

    @Test
    void recordedVersion_wins() {
        assertThat(Submissions.featuredVersion(entry(LocalDate.of(2024, 1, 22), 2), THREE_VERSIONS))
                .isEqualTo(2);
    }

    @Test
    void unrecorded_isTheLatestVersionSubmittedByThatDay() {
        assertThat(Submissions.featuredVersion(entry(LocalDate.of(2024, 1, 22), 0), THREE_VERSIONS))
                .isEqualTo(1);
        // Submitted late on 1 March (UTC): featured that same day, it was v2.
        assertThat(Submissions.featuredVersion(entry(LocalDate.of(2024, 3, 1), 0), THREE_VERSIONS))
                .isEqualTo(2);
        assertThat(Submissions.featuredVersion(entry(LocalDate.of(2025, 1, 1), 0), THREE_VERSIONS))
                .isEqualTo(3);
    }

    @Test
    void unrecordedWithoutVersionDates_isUnknown() {
        Paper bare = Paper.builder("2401.12345", "A paper").version(2).build();

        assertThat(Submissions.featuredVersion(entry(LocalDate.of(2024, 1, 22), 0), bare))
                .isZero();
    }
}
