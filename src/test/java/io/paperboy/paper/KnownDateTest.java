package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The date a feed gives a paper: published, else its first version, else its last update, else none (never 1970). */
final class KnownDateTest {
    @Test
    void published_comesFirst() {
        Paper p = Paper.builder("2401.00001", "T")
                .published(LocalDate.of(2024, 1, 2))
                .versions(List.of(new PaperVersion(1, Instant.parse("2023-12-30T10:00:00Z"))))
                .build();

        assertThat(p.knownDate()).hasValue(LocalDate.of(2024, 1, 2));
    }

    @Test
    void withoutPublished_theFirstVersionsDayInUtc() {
        Paper p = Paper.builder("2401.00001", "T")
                .versions(List.of(
                        new PaperVersion(2, Instant.parse("2024-02-01T10:00:00Z")),
                        new PaperVersion(1, Instant.parse("2023-12-31T23:30:00Z"))))
                .build();

        assertThat(p.knownDate()).hasValue(LocalDate.of(2023, 12, 31));
    }

    @Test
    void withNeither_theLastUpdate_elseNothing() {
        assertThat(Paper.builder("2401.00001", "T")
                        .updated(LocalDate.of(2024, 3, 4))
                        .build()
                        .knownDate())
                .hasValue(LocalDate.of(2024, 3, 4));
        assertThat(Paper.builder("2401.00001", "T").build().knownDate()).isEmpty();
    }
}
