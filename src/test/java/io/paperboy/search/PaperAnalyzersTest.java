package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PaperAnalyzersTest {

    private static List<String> terms(String text) {
        return LuceneQueries.positions(PaperAnalyzers.text(), IndexFields.ABSTRACT, text).stream()
                .flatMap(List::stream)
                .toList();
    }

    @Test
    void hyphenatedWords_giveTheirPartsAndTheirConcatenation() {
        assertThat(terms("low-rank adaptation")).containsExactlyInAnyOrder("low", "lowrank", "rank", "adapt");
        assertThat(terms("pre-training")).contains("pre", "train", "pretrain");
    }

    @Test
    void partsAndConcatenation_shareAPosition_soTheyAreAlternatives() {
        assertThat(LuceneQueries.positions(PaperAnalyzers.text(), IndexFields.ABSTRACT, "low-rank"))
                .containsExactly(List.of("lowrank", "low"), List.of("rank"));
    }

    @Test
    void acronyms_stayWholeAndLoseTheirPlural() {
        assertThat(terms("LoRA for LLMs and BERTScore")).containsExactly("lora", "llm", "bertscor");
    }

    @Test
    void modelNamesWithNumbers_giveNameNumberAndBoth() {
        assertThat(terms("GPT-4 beats ResNet50")).contains("gpt", "4", "gpt4", "resnet", "50", "resnet50");
    }

    @Test
    void latexFragments_readAsTheirWords() {
        assertThat(terms("$\\mathcal{O}(n \\log n)$ time")).containsExactly("o", "n", "log", "n", "time");
        assertThat(terms("$k$-NN with $\\ell_1$ loss")).contains("k", "nn", "knn", "ell", "1", "loss");
        assertThat(terms("$\\alpha$-divergence")).contains("alpha", "diverg", "alphadiverg");
    }

    @Test
    void accentsFoldAndPossessivesGo() {
        assertThat(terms("Schölkopf's kernels")).containsExactly("scholkopf", "kernel");
    }

    @Test
    void names_areFoldedButNotStemmed() {
        assertThat(LuceneQueries.positions(PaperAnalyzers.names(), IndexFields.AUTHORS, "Yann LeCun, Bengio's"))
                .flatExtracting(g -> g)
                .containsExactly("yann", "lecun", "bengio's");
    }
}
