package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ArxivIdTest {

    @ParameterizedTest(name = "{0} -> {1} v{2}")
    @CsvSource(delimiter = '|', textBlock = """
            2306.15794                                      | 2306.15794      | 0
            2306.15794v3                                    | 2306.15794      | 3
            2306.15794v12                                   | 2306.15794      | 12
            0704.0001                                       | 0704.0001       | 0
            1412.9999                                       | 1412.9999       | 0
            1501.00001                                      | 1501.00001      | 0
            2412.19437v1                                    | 2412.19437      | 1
            hep-th/9901001                                  | hep-th/9901001  | 0
            hep-th/9901001v2                                | hep-th/9901001  | 2
            math/0309136                                    | math/0309136    | 0
            astro-ph/0703999                                | astro-ph/0703999 | 0
            cond-mat/9108001                                | cond-mat/9108001 | 0
            chao-dyn/9510001                                | chao-dyn/9510001 | 0
            arXiv:2306.15794                                | 2306.15794      | 0
            ARXIV:2306.15794v2                              | 2306.15794      | 2
            arxiv:hep-th/9901001                            | hep-th/9901001  | 0
            '  2306.15794 '                                 | 2306.15794      | 0
            https://arxiv.org/abs/2306.15794                | 2306.15794      | 0
            http://arxiv.org/abs/2306.15794v2               | 2306.15794      | 2
            https://arxiv.org/abs/hep-th/9901001            | hep-th/9901001  | 0
            https://arxiv.org/pdf/2306.15794                | 2306.15794      | 0
            https://arxiv.org/pdf/2306.15794v1.pdf          | 2306.15794      | 1
            https://arxiv.org/pdf/hep-th/9901001v1.pdf      | hep-th/9901001  | 1
            https://export.arxiv.org/abs/2306.15794         | 2306.15794      | 0
            https://arxiv.org/html/2306.15794v2             | 2306.15794      | 2
            https://www.arxiv.org/abs/2306.15794/           | 2306.15794      | 0
            arxiv.org/abs/2306.15794                        | 2306.15794      | 0
            https://arxiv.org/abs/2306.15794?context=cs.LG  | 2306.15794      | 0
            https://huggingface.co/papers/2306.15794        | 2306.15794      | 0
            https://huggingface.co/papers/2306.15794#community | 2306.15794   | 0
            HTTPS://ArXiv.org/ABS/2306.15794                | 2306.15794      | 0
            """)
    void parse_acceptedForms_giveCanonicalIdAndVersion(String raw, String id, int version) {
        ArxivId parsed = ArxivId.parse(raw);

        assertThat(parsed).isEqualTo(new ArxivId(id, version));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            math.GT/0309136                            | math/0309136
            math.GT/0309136v1                          | math/0309136
            cs.AI/0101001                              | cs/0101001
            https://arxiv.org/abs/math.GT/0309136      | math/0309136
            """)
    void parse_oldStyleWithSubjectClass_dropsTheClass(String raw, String id) {
        assertThat(ArxivId.parse(raw).id()).isEqualTo(id);
    }

    @Test
    void parse_oldStyleArchiveInUpperCase_isCanonicalisedToLowerCase() {
        assertThat(ArxivId.parse("HEP-TH/9901001").id()).isEqualTo("hep-th/9901001");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hello               | '"hello": not an arXiv id: expected e.g. 2306.15794 or hep-th/9901001'
            2306.1579           | '"2306.1579": ids from 1501 on have 5 digits after the dot, not 4'
            2306.157            | '"2306.157": not an arXiv id: expected e.g. 2306.15794 or hep-th/9901001'
            2306.157944         | '"2306.157944": not an arXiv id'
            2313.00001          | '"2313.00001": month 13 does not exist'
            2300.00001          | '"2300.00001": month 00 does not exist'
            0612.1234           | '"0612.1234": ids of the form YYMM.NNNNN start in April 2007 (0704)'
            1412.12345          | '"1412.12345": ids before 1501 have 4 digits after the dot, not 5'
            1501.1234           | '"1501.1234": ids from 1501 on have 5 digits after the dot, not 4'
            2306.00000          | '"2306.00000": sequence number 00000 does not exist'
            2306.15794v0        | '"2306.15794v0": version must be v1 or higher'
            2306.15794v01       | '"2306.15794v01": version must be v1 or higher'
            2306.15794v         | '"2306.15794v": not an arXiv id'
            foo-bar/9901001     | '"foo-bar/9901001": "foo-bar" is not an arXiv archive with old-style ids'
            stat/0701001        | '"stat/0701001": "stat" is not an arXiv archive with old-style ids'
            hep-th/0801001      | '"hep-th/0801001": old-style ids run from 1991 (91) to 2007 (07), not year 08'
            hep-th/9013001      | '"hep-th/9013001": old-style ids run from 1991 (91) to 2007 (07), not year 90'
            hep-th/9913001      | '"hep-th/9913001": month 13 does not exist'
            hep-th/990100       | '"hep-th/990100": not an arXiv id'
            hep-th/99010011     | '"hep-th/99010011": not an arXiv id'
            math.GTX/0309136    | '"math.GTX/0309136": not an arXiv id'
            https://example.com/abs/2306.15794 | '"https://example.com/abs/2306.15794": not an arXiv id'
            ' 2313.00001 '      | '"2313.00001": month 13 does not exist'
            """)
    void parse_invalid_throwsMessageQuotingInputAndReason(String raw, String messageStart) {
        assertThatThrownBy(() -> ArxivId.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void parse_blank_saysAnIdIsRequired(String raw) {
        assertThatThrownBy(() -> ArxivId.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an arXiv id is required: expected e.g. 2306.15794 or hep-th/9901001");
    }

    @Test
    void parse_null_saysAnIdIsRequired() {
        assertThatThrownBy(() -> ArxivId.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an arXiv id is required");
    }

    @ParameterizedTest
    @CsvSource({"2306.15794, true", "arXiv:math.GT/0309136v2, true", "2313.00001, false", "nonsense, false", ", false"})
    void isValid_agreesWithParse(String raw, boolean valid) {
        assertThat(ArxivId.isValid(raw)).isEqualTo(valid);
    }

    @Test
    void versioned_withVersion_appendsIt() {
        assertThat(ArxivId.parse("2306.15794v3").versioned()).isEqualTo("2306.15794v3");
    }

    @Test
    void versioned_withoutVersion_isTheId() {
        assertThat(ArxivId.parse("hep-th/9901001").versioned()).isEqualTo("hep-th/9901001");
    }

    @Test
    void toString_isVersioned() {
        assertThat(ArxivId.parse("2306.15794v3")).hasToString("2306.15794v3");
        assertThat(ArxivId.parse("2306.15794")).hasToString("2306.15794");
    }

    @ParameterizedTest
    @CsvSource({"hep-th/9901001, true", "math.GT/0309136, true", "2306.15794, false", "0704.0001, false"})
    void isOldStyle_isTrueOnlyForArchiveIds(String raw, boolean oldStyle) {
        assertThat(ArxivId.parse(raw).isOldStyle()).isEqualTo(oldStyle);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2306.15794, 2023-06",
        "0704.0001, 2007-04",
        "1501.00001, 2015-01",
        "hep-th/9108001, 1991-08",
        "hep-th/9912001, 1999-12",
        "math/0309136, 2003-09",
        "astro-ph/0703001, 2007-03"
    })
    void yearMonth_readsTheYymmDigits(String raw, String expected) {
        assertThat(ArxivId.parse(raw).yearMonth()).isEqualTo(YearMonth.parse(expected));
    }

    @Test
    void constructor_nonCanonicalId_throwsAndNamesTheCanonicalForm() {
        assertThatThrownBy(() -> new ArxivId("math.GT/0309136", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"math.GT/0309136\" is not a canonical arXiv id; ArxivId.parse reads it as math/0309136");
    }

    @Test
    void constructor_idWithVersionSuffix_throws() {
        assertThatThrownBy(() -> new ArxivId("2306.15794v2", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a canonical arXiv id");
    }

    @Test
    void constructor_invalidId_throwsTheParseMessage() {
        assertThatThrownBy(() -> new ArxivId("2313.00001", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"2313.00001\": month 13 does not exist");
    }

    @Test
    void constructor_negativeVersion_throws() {
        assertThatThrownBy(() -> new ArxivId("2306.15794", -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }

    @Test
    void parse_ofVersioned_roundTrips() {
        // Both styles must survive versioned() -> parse() unchanged, the path ids take through URLs.
        for (String raw : new String[] {"2306.15794v3", "hep-th/9901001v2", "1501.00001", "q-bio/0312001"}) {
            ArxivId id = ArxivId.parse(raw);
            assertThat(ArxivId.parse(id.versioned())).isEqualTo(id);
        }
    }

    @Test
    void parse_everyIdInTheArxivSnapshotSample_isCanonicalAlready() {
        var ids = JsonLines.read("/samples/arxiv-metadata-oai-snapshot.sample.jsonl").stream()
                .map(record -> record.get("id").asText())
                .toList();

        assertThat(ids)
                .hasSize(200)
                .allSatisfy(raw -> assertThat(ArxivId.parse(raw).versioned()).isEqualTo(raw));
    }
}
