package io.paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TexTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            \\'a        | á
            \\'{a}      | á
            {\\'a}      | á
            {\\'{a}}    | á
            \\'E        | É
            \\"u        | ü
            \\"{U}      | Ü
            \\`e        | è
            \\^o        | ô
            \\~n        | ñ
            \\=a        | ā
            \\.z        | ż
            \\u{g}      | ğ
            \\v{s}      | š
            \\v{S}      | Š
            \\v S       | Š
            \\H{o}      | ő
            \\c{c}      | ç
            \\c c       | ç
            \\k{a}      | ą
            \\r{a}      | å
            \\ss        | ß
            \\o         | ø
            {\\o}       | ø
            \\O         | Ø
            \\aa        | å
            \\AA        | Å
            \\ae        | æ
            \\AE        | Æ
            \\oe        | œ
            \\OE        | Œ
            \\l         | ł
            \\L         | Ł
            \\i         | ı
            \\'\\i      | í
            \\'{\\i}    | í
            {\\'\\i}    | í
            \\"{\\i}    | ï
            """)
    void deaccent_eachCommand_givesTheUnicodeLetter(String tex, String expected) {
        assertThat(TexText.deaccent(tex)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            C. Bal\\'azs                      | C. Balázs
            Dragomir \\v{Z}. Djokovi\\'{c}    | Dragomir Ž. Djoković
            Mikkel {\\O}bro                   | Mikkel Øbro
            Tom\\'a\\v{s} Vina\\v{r}          | Tomáš Vinař
            Bro\\v{n}a Brejov\\'a             | Broňa Brejová
            Stra\\ss e                        | Straße
            Stra\\ss{}e                       | Straße
            Bj\\o rn                          | Bjørn
            {\\L}ukasz Kami{\\'n}ski          | Łukasz Kamiński
            Erd\\H{o}s                        | Erdős
            Fran\\c{c}ois                     | François
            {Sr\\'amek}                       | {Srámek}
            \\'a}                             | á}
            """)
    void deaccent_names_giveUnicodeNamesWithoutTheCommandsBraces(String tex, String expected) {
        assertThat(TexText.deaccent(tex)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            the matrix $\\tilde{A}$ and $\\hat a$
            norms $\\|x\\|$ and $$\\sum_i \\'a_i$$ here
            we use \\model and \\prjname and \\textit{O}
            \\omega \\ldots \\ell \\url{x} \\oint \\v \\cite{x}
            costs \\$5 and \\% of it
            plain text without commands
            """)
    void deaccent_mathAndUnknownCommands_areLeftAlone(String tex) {
        assertThat(TexText.deaccent(tex)).isEqualTo(tex);
    }

    @Test
    void deaccent_outsideMath_convertsButInsideMathDoesNot() {
        assertThat(TexText.deaccent("Fr\\'echet distance $\\'x$ and na\\\"ive"))
                .isEqualTo("Fréchet distance $\\'x$ and naïve");
    }

    @Test
    void deaccent_result_isNfc() {
        String result = TexText.deaccent("Bal\\'azs");

        // "Balázs" is six chars only when á is the single precomposed code point U+00E1.
        assertThat(result).hasSize(6).contains("\u00E1").isEqualTo(Normalizer.normalize(result, Normalizer.Form.NFC));
    }

    @Test
    void deaccent_snapshotRecord0704_0062_givesAllThreeNames() {
        assertThat(TexText.deaccent("Rastislav \\v{S}r\\'amek, Bro\\v{n}a Brejov\\'a, Tom\\'a\\v{s} Vina\\v{r}"))
                .isEqualTo("Rastislav Šrámek, Broňa Brejová, Tomáš Vinař");
    }

    @Test
    void deaccent_everyAccentedAuthorInTheSnapshotSample_matchesAuthorsParsed() {
        List<JsonNode> withTex = JsonLines.read("/samples/arxiv-metadata-oai-snapshot.sample.jsonl").stream()
                .filter(record -> record.get("authors").asText().contains("\\"))
                .toList();
        List<String> checked = new ArrayList<>();

        for (JsonNode record : withTex) {
            String authors = TexText.collapseWhitespace(
                    TexText.deaccent(record.get("authors").asText()));
            assertThat(authors).as("record %s", record.get("id")).doesNotContain("\\");
            // authors_parsed holds arXiv's own Unicode rendering: last name, first names, suffix, affiliation.
            for (JsonNode author : record.get("authors_parsed")) {
                for (JsonNode part : author) {
                    String name = TexText.collapseWhitespace(part.asText());
                    if (!name.chars().allMatch(c -> c < 128)) {
                        assertThat(authors).as("record %s", record.get("id")).contains(name);
                        checked.add(name);
                    }
                }
            }
        }

        assertThat(withTex).hasSize(10);
        assertThat(checked)
                .contains(
                        "Balázs",
                        "Péter E.",
                        "Tomàs",
                        "Øbro",
                        "Šrámek",
                        "Broňa",
                        "Brejová",
                        "Tomáš",
                        "Vinař",
                        "Gähler",
                        "Universität Wien",
                        "Müller");
    }

    @Test
    void deaccent_null_isRejected() {
        assertThatThrownBy(() -> TexText.deaccent(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{index}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `  prompt diphoton production at Tevatron and\n  LHC energies ` | prompt diphoton production at Tevatron and LHC energies
            `a \t b\r\n  c`               | a b c
            `\u00A0Named\u2003space\u00A0` | Named space
            `already clean`               | already clean
            `   `                         | ``
            """)
    void collapseWhitespace_trimsAndCollapsesEveryRun(String text, String expected) {
        assertThat(TexText.collapseWhitespace(unescape(text))).isEqualTo(expected);
    }

    @Test
    void unwrapAbstract_arxivSnapshotAbstract_joinsWrapsAndKeepsParagraphs() {
        String raw = "  For positive semidefinite matrices $A$ and $B$, Ando and Zhan proved the\n"
                + "inequalities $||| f(A)+f(B) ||| \\ge ||| f(A+B) |||$, for any unitarily invariant norm.\n"
                + "  In this paper we consider the related question whether the inequalities $|||\n"
                + "f(A)-f(B) ||| \\le ||| f(|A-B|) |||$ hold.\n";

        assertThat(TexText.unwrapAbstract(raw))
                .isEqualTo("For positive semidefinite matrices $A$ and $B$, Ando and Zhan proved the "
                        + "inequalities $||| f(A)+f(B) ||| \\ge ||| f(A+B) |||$, for any unitarily invariant norm."
                        + "\n\n"
                        + "In this paper we consider the related question whether the inequalities $||| "
                        + "f(A)-f(B) ||| \\le ||| f(|A-B|) |||$ hold.");
    }

    @Test
    void unwrapAbstract_everySnapshotAbstract_hasNoWrapLeftAndKeepsEveryWord() {
        for (JsonNode record : JsonLines.read("/samples/arxiv-metadata-oai-snapshot.sample.jsonl")) {
            String raw = record.get("abstract").asText();

            String unwrapped = TexText.unwrapAbstract(raw);

            assertThat(unwrapped.replace("\n\n", ""))
                    .as("record %s", record.get("id"))
                    .doesNotContain("\n");
            assertThat(TexText.collapseWhitespace(unwrapped)).isEqualTo(TexText.collapseWhitespace(raw));
        }
    }

    @Test
    void unwrapAbstract_huggingFaceSummaries_keepArxivParagraphMarks() throws Exception {
        JsonNode entries;
        try (var in = TexTextTest.class.getResourceAsStream("/samples/daily_papers-2026-06-12.json")) {
            entries = new ObjectMapper().readTree(in);
        }
        int paragraphs = 0;

        for (JsonNode entry : entries) {
            String summary = entry.get("paper").get("summary").asText();
            String unwrapped = TexText.unwrapAbstract(summary);

            assertThat(unwrapped.split("\n\n")).hasSize(summary.split("\n  ").length);
            paragraphs += unwrapped.split("\n\n").length;
        }

        // 30 summaries, two of which have paragraph marks (one with 2, one with 1).
        assertThat(paragraphs).isEqualTo(33);
    }

    @Test
    void unwrapAbstract_blankLineBetweenParagraphs_isOneParagraphBreak() {
        assertThat(TexText.unwrapAbstract("First line\nwrapped.\n\nSecond\n  Third"))
                .isEqualTo("First line wrapped.\n\nSecond\n\nThird");
    }

    @Test
    void unwrapAbstract_windowsLineEndsAndTrailingSpaces_areHandled() {
        assertThat(TexText.unwrapAbstract("  One \r\ntwo.\r\n  Three\r\n")).isEqualTo("One two.\n\nThree");
    }

    @Test
    void unwrapAbstract_singleLine_comesBackTrimmedAndUnchanged() {
        String hfAbstract = "We present  OpenELM, a state-of-the-art open language model. "
                + "Code: https://github.com/apple/corenet.";

        assertThat(TexText.unwrapAbstract("  " + hfAbstract + " ")).isEqualTo(hfAbstract);
    }

    @Test
    void unwrapAbstract_empty_isEmpty() {
        assertThat(TexText.unwrapAbstract("  \n  ")).isEmpty();
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");
    }
}
