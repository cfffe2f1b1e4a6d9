package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PaperMergeTest {
    private static final ArtifactLink CODE = new ArtifactLink(LinkKind.GITHUB, "https://github.com/a/b");
    private static final ArtifactLink PAGE = new ArtifactLink(LinkKind.PROJECT_PAGE, "https://a.github.io/b/");

    private static Paper.Builder paper(int version, String title) {
        return Paper.builder("2306.15794", title).version(version);
    }

    @Test
    void nothingStored_takesTheIncomingPaper() {
        Paper incoming = paper(1, "T").build();

        assertThat(PaperMerge.merge(null, incoming)).isSameAs(incoming);
    }

    @Test
    void newerVersion_replacesFieldsAndKeepsWhatItLacks() {
        Paper stored = paper(1, "Old title")
                .abstractText("old")
                .journalRef("J. 1")
                .links(List.of(CODE))
                .build();
        Paper incoming =
                paper(2, "New title").abstractText("new").links(List.of(PAGE)).build();

        Paper merged = PaperMerge.merge(stored, incoming);

        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.title()).isEqualTo("New title");
        assertThat(merged.abstractText()).isEqualTo("new");
        assertThat(merged.journalRef()).isEqualTo("J. 1");
        assertThat(merged.links()).containsExactly(PAGE, CODE);
    }

    @Test
    void unknownVersionWithALaterUpdateDate_isNewer() {
        Paper stored = paper(2, "Old title")
                .updated(LocalDate.of(2025, 1, 1))
                .journalRef("J. 1")
                .build();
        Paper incoming = paper(0, "New title").updated(LocalDate.of(2026, 1, 5)).build();

        Paper merged = PaperMerge.merge(stored, incoming);

        assertThat(merged.title()).isEqualTo("New title");
        assertThat(merged.updated()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(merged.journalRef()).isEqualTo("J. 1");
        assertThat(merged.version()).isEqualTo(2);
        assertThat(PaperMerge.merge(merged, incoming)).isEqualTo(merged);
    }

    @Test
    void unknownVersionWithTheSameUpdateDate_keepsStoredFields() {
        Paper stored =
                paper(2, "Stored title").updated(LocalDate.of(2026, 1, 5)).build();
        Paper incoming =
                paper(0, "Other title").updated(LocalDate.of(2026, 1, 5)).build();

        assertThat(PaperMerge.merge(stored, incoming).title()).isEqualTo("Stored title");
    }

    @Test
    void sameOrUnknownVersion_keepsStoredFieldsAndFillsGaps() {
        Paper stored = paper(2, "arXiv title").categories(List.of("cs.LG")).build();
        Paper incoming = paper(0, "HF title")
                .abstractText("summary")
                .categories(List.of("cs.CL"))
                .build();

        Paper merged = PaperMerge.merge(stored, incoming);

        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.title()).isEqualTo("arXiv title");
        assertThat(merged.abstractText()).isEqualTo("summary");
        assertThat(merged.categories()).containsExactly("cs.LG");
    }

    @Test
    void publishedDate_isTheEarliestKnown() {
        Paper stored = paper(1, "T").published(LocalDate.of(2023, 6, 27)).build();
        Paper incoming = paper(2, "T").published(LocalDate.of(2023, 6, 28)).build();

        assertThat(PaperMerge.merge(stored, incoming).published()).isEqualTo(LocalDate.of(2023, 6, 27));
    }

    @Test
    void versions_areUnitedByNumber() {
        PaperVersion v1 = new PaperVersion(1, Instant.parse("2023-06-27T17:00:00Z"));
        PaperVersion v2 = new PaperVersion(2, Instant.parse("2023-07-01T17:00:00Z"));
        Paper stored = paper(1, "T").versions(List.of(v1)).build();
        Paper incoming = paper(2, "T").versions(List.of(v1, v2)).build();

        assertThat(PaperMerge.merge(stored, incoming).versions()).containsExactly(v1, v2);
    }

    @Test
    void mergingTwice_isIdempotent() {
        Paper stored = paper(1, "T").links(List.of(CODE)).build();
        Paper incoming = paper(1, "T").abstractText("a").links(List.of(PAGE)).build();

        Paper once = PaperMerge.merge(stored, incoming);

        assertThat(PaperMerge.merge(once, incoming)).isEqualTo(once);
    }
}
