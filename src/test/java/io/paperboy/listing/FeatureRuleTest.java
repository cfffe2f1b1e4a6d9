package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.paper.Paper;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FeatureRuleTest {
    private static final Paper RAG = Paper.builder("2401.00001", "Retrieval-Augmented Generation for Code")
            .categories(List.of("cs.CL", "cs.SE"))
            .authors(List.of("Ada Lovelace"))
            .build();

    @Test
    void keywordOrAuthor_withinTheCategory_matches() {
        assertThat(FeatureRule.parse("cat=cs.CL;keyword=retrieval-augmented").matches(RAG))
                .isTrue();
        assertThat(FeatureRule.parse("cat=cs;author=lovelace").matches(RAG)).isTrue();
        assertThat(FeatureRule.parse("cat=cs.CV;keyword=retrieval").matches(RAG))
                .as("other category")
                .isFalse();
        assertThat(FeatureRule.parse("cat=cs.CL;keyword=diffusion").matches(RAG))
                .isFalse();
    }

    @Test
    void malformedRules_sayWhatIsWrong() {
        assertThatThrownBy(() -> FeatureRule.parse("keyword=x"))
                .hasMessage("rule 'keyword=x': needs cat= and at least one of keyword= and author=");
        assertThatThrownBy(() -> FeatureRule.parse("cat=cs;title=x"))
                .hasMessage("rule 'cat=cs;title=x': unknown key 'title' (use cat, keyword, author)");
        assertThatThrownBy(() -> FeatureRule.parse("cat=cs;keyword=(unclosed"))
                .hasMessageStartingWith(
                        "rule 'cat=cs;keyword=(unclosed': pattern '(unclosed' is not a regular expression");
        assertThatThrownBy(() -> FeatureRule.parse("cat=cs;keyword="))
                .hasMessage("rule 'cat=cs;keyword=': an empty pattern would match every paper");
    }
}
