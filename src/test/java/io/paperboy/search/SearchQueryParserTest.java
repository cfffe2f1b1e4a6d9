package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.search.SearchQuery.AnyOf;
import io.paperboy.search.SearchQuery.Phrase;
import io.paperboy.search.SearchQuery.Words;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the search box's operators read: AND requires, OR offers alternatives, NOT excludes. */
final class SearchQueryParserTest {
    private static SearchQuery parse(String q) throws InvalidQueryException {
        return SearchQueryParser.parse(q);
    }

    @Test
    void and_requiresTheWordsOnBothSides() throws Exception {
        assertThat(parse("lora AND quantization").required())
                .containsExactly(new Words("lora"), new Words("quantization"));
        assertThat(parse("adapters lora AND quantization").text()).isEqualTo("adapters");
    }

    @Test
    void proseParenthesesAndPlusSigns_stayWords() throws Exception {
        // SciFact claims, as people paste sentences: none of these is an operator.
        for (String prose : List.of(
                "Histone 2A (H2A)-histone 2B (H2B) dimer eviction",
                "destabilizing +1 nucleosomes",
                "Low-Rank Adaptation (LoRA) for Transformer-Based Models",
                "(S)-ketamine")) {
            SearchQuery q = parse(prose);
            assertThat(q.required()).as(prose).isEmpty();
            assertThat(q.excluded()).as(prose).isEmpty();
            assertThat(q.text()).as(prose).isEqualTo(prose);
        }
    }

    @Test
    void or_betweenPlainWords_isWhatWordsDoAnyway() throws Exception {
        SearchQuery q = parse("lora OR qlora");

        assertThat(q.text()).isEqualTo("lora qlora");
        assertThat(q.required()).isEmpty();
    }

    @Test
    void or_makesRequiredClausesAlternatives() throws Exception {
        assertThat(parse("\"low rank\" OR adapter").required())
                .containsExactly(new AnyOf(List.of(new Phrase("low rank"), new Words("adapter"))));
    }

    @Test
    void parentheses_holdAlternatives_whichAndRequires() throws Exception {
        assertThat(parse("(lora OR adapter) AND quantization").required())
                .containsExactly(
                        new AnyOf(List.of(new Words("lora"), new Words("adapter"))), new Words("quantization"));
        assertThat(parse("-(diffusion OR gan) networks").excluded())
                .containsExactly(new Words("diffusion"), new Words("gan"));
    }

    @Test
    void not_excludesWhatFollows_asMinusDoes() throws Exception {
        SearchQuery q = parse("NOT diffusion networks");

        assertThat(q.excluded()).containsExactly(new Words("diffusion"));
        assertThat(q.text()).isEqualTo("networks");
    }

    @Test
    void operatorsWithNothingToActOn_andLowerCaseOnes_arePlainWords() throws Exception {
        assertThat(parse("AND").text()).isEqualTo("AND");
        assertThat(parse("networks AND").text()).isEqualTo("networks AND");
        assertThat(parse("rock and roll or not").text()).isEqualTo("rock and roll or not");
        assertThat(parse("((((((attention").text()).isEqualTo("((((((attention");
    }
}
