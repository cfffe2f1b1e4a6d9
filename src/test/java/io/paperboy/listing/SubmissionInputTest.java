package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.paper.ArxivId;
import io.paperboy.web.InvalidForm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form of arXiv id or link a member may paste, and precise refusals for what is not one. */
final class SubmissionInputTest {

    @ParameterizedTest(name = "\"{0}\" is {1} v{2}")
    @CsvSource(delimiter = '|', textBlock = """
            2401.12345                                       | 2401.12345     | 0
            2401.12345v2                                     | 2401.12345     | 2
            '   2401.12345v2  '                              | 2401.12345     | 2
            arXiv:2401.12345                                 | 2401.12345     | 0
            arxiv: 2401.12345v3                              | 2401.12345     | 3
            0704.0001                                        | 0704.0001      | 0
            hep-th/9901001                                   | hep-th/9901001 | 0
            arXiv:hep-th/9901001v2                           | hep-th/9901001 | 2
            math.GT/0309136v1                                | math/0309136   | 1
            https://arxiv.org/abs/2401.12345                 | 2401.12345     | 0
            http://arxiv.org/abs/2401.12345v2                | 2401.12345     | 2
            https://www.arxiv.org/abs/2401.12345             | 2401.12345     | 0
            https://export.arxiv.org/abs/2401.12345v1        | 2401.12345     | 1
            http://export.arxiv.org/pdf/2401.12345           | 2401.12345     | 0
            https://arxiv.org/pdf/2401.12345v2               | 2401.12345     | 2
            https://arxiv.org/pdf/2401.12345v2.pdf           | 2401.12345     | 2
            https://arxiv.org/abs/2401.12345?context=cs.LG   | 2401.12345     | 0
            arxiv.org/abs/2401.12345                         | 2401.12345     | 0
            www.arxiv.org/pdf/2401.12345                     | 2401.12345     | 0
            https://arxiv.org/abs/hep-th/9901001             | hep-th/9901001 | 0
            https://arxiv.org/pdf/math.GT/0309136v1          | math/0309136   | 1
            ' https://arxiv.org/abs/2401.12345v2 '           | 2401.12345     | 2
            https://huggingface.co/papers/2401.12345         | 2401.12345     | 0
            """)
    void acceptedForms_nameThePaperAndVersion(String typed, String id, int version) {
        assertThat(SubmissionInput.parse(typed)).isEqualTo(new ArxivId(id, version));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                    | enter an arXiv id or a link to a paper on arxiv.org
            '   '                                 | enter an arXiv id or a link to a paper on arxiv.org
            attention is all you need             | not an arXiv id
            2401.1234                             | ids from 1501 on have 5 digits after the dot, not 4
            2413.12345                            | month 13 does not exist
            2401.12345v0                          | version must be v1 or higher
            foo/9901001                           | "foo" is not an arXiv archive with old-style ids
            https://example.com/abs/2401.12345    | links must point to arxiv.org, not example.com
            ftp://arxiv.org/abs/2401.12345        | links must start with http:// or https://, not ftp://
            https://arxiv.org/list/cs.LG/recent   | arXiv links must be to a paper's abs or pdf page (/abs/… or /pdf/…), not /list/cs.LG/recent
            https://arxiv.org/                    | arXiv links must be to a paper's abs or pdf page (/abs/… or /pdf/…), not /
            https://arxiv.org/abs/not-an-id       | not an arXiv id
            """)
    void rejectedInput_saysWhyAndShowsTheAcceptedForms(String typed, String why) {
        assertThatThrownBy(() -> SubmissionInput.parse(typed))
                .isInstanceOfSatisfying(
                        InvalidForm.class,
                        e -> assertThat(e.problems())
                                .containsOnlyKeys("arxiv")
                                .hasEntrySatisfying(
                                        "arxiv",
                                        message -> assertThat(message)
                                                .contains(why)
                                                .endsWith(SubmissionInput.ACCEPTED)));
    }

    @org.junit.jupiter.api.Test
    void aNovel_isRefusedForItsLength() {
        assertThatThrownBy(() -> SubmissionInput.parse("2401.12345 ".repeat(40)))
                .isInstanceOfSatisfying(
                        InvalidForm.class,
                        e -> assertThat(e.problems().get("arxiv"))
                                .startsWith("that is 439 characters; an arXiv id or link has at most 300"));
    }
}
