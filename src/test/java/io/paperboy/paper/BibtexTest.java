package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BibtexTest {
    @Test
    void arxivPaper_getsAnArxivStyleEntry() {
        Paper p = Paper.builder("2306.15794", "HyenaDNA: Long-Range Genomic Sequence Modeling")
                .authors(List.of("Eric Nguyen", "Michael Poli"))
                .categories(List.of("cs.LG", "q-bio.GN"))
                .published(LocalDate.of(2023, 6, 27))
                .build();

        assertThat(Bibtex.of(p)).isEqualTo("""
                @misc{nguyen2023hyenadna,
                      title={{HyenaDNA: Long-Range Genomic Sequence Modeling}},
                      author={Eric Nguyen and Michael Poli},
                      year={2023},
                      eprint={2306.15794},
                      archivePrefix={arXiv},
                      primaryClass={cs.LG},
                      url={https://arxiv.org/abs/2306.15794}
                }""");
    }

    @Test
    void bracesInTitles_areEscapedAndAccentsLeaveTheKey() {
        Paper p = Paper.builder("pb-0123456789ab", "On {braces} in Titles")
                .authors(List.of("Zoltán Kovács"))
                .build();

        assertThat(Bibtex.of(p)).contains("title={{On \\{braces\\} in Titles}}").startsWith("@misc{kovacsbraces,");
    }

    @Test
    void paperWithoutAuthors_isKeyedByTitleWordAndIdAndSaysWhatIsMissing() {
        Paper p = Paper.builder("2306.15794", "HyenaDNA: Long-Range Genomic Sequence Modeling")
                .published(LocalDate.of(2023, 6, 27))
                .build();

        String entry = Bibtex.of(p);

        assertThat(entry)
                .startsWith("% No author list is known for this paper here: add the authors before citing it"
                        + " (see https://arxiv.org/abs/2306.15794).\n@misc{hyenadna2306.15794,\n")
                .doesNotContain("anonymous")
                .doesNotContain("author={");
    }

    @Test
    void paperWithoutAuthorsOrArxivId_isKeyedByTitleWordAndYear() {
        Paper p = Paper.builder("pb-0123456789ab", "Scaling Laws for Everything")
                .published(LocalDate.of(2024, 2, 1))
                .build();

        assertThat(Bibtex.of(p)).contains("@misc{scaling2024,").contains("add the authors before citing it.\n");
    }
}
