package io.paperboy.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class KeyphrasesTest {
    // HyenaDNA's abstract (arXiv 2306.15794), shortened.
    private static final String TITLE =
            "HyenaDNA: Long-Range Genomic Sequence Modeling at Single Nucleotide Resolution";
    private static final String ABSTRACT = "Genomic (DNA) sequences encode an enormous amount of information for gene "
            + "regulation and protein synthesis. Similar to natural language models, researchers have proposed "
            + "foundation models in genomics to learn generalizable features from unlabeled genome data that can then "
            + "be fine-tuned for downstream tasks such as identifying regulatory elements. Due to the quadratic scaling "
            + "of attention, previous Transformer-based genomic models have used 512 to 4k tokens as context. We present "
            + "HyenaDNA, a genomic foundation model pretrained on the human reference genome with context lengths of up "
            + "to 1 million tokens at the single nucleotide-level.";

    @Test
    void statistical_findsTheNamedMethodAndTheTopicalNounPhrases() {
        List<String> phrases = Keyphrases.statistical(TITLE, ABSTRACT, 8);

        assertThat(phrases)
                .contains("HyenaDNA", "foundation models")
                .anySatisfy(p -> assertThat(p).contains("genomic"));
    }

    @Test
    void genericWordsAndPraise_areNeverKeywords() {
        List<String> phrases = Keyphrases.statistical(
                "A novel method",
                "We propose a novel method. Our method achieves state-of-the-art performance on the strongest "
                        + "graph neural networks benchmark. The method improves graph neural networks.",
                8);

        assertThat(phrases)
                .doesNotContain("method", "novel method", "performance")
                .anySatisfy(p -> assertThat(p).startsWith("graph neural networks"));
        assertThat(phrases).noneMatch(p -> p.startsWith("strongest"));
    }

    @Test
    void capitalsThatCarryMeaningStay_titleCaseGoes() {
        assertThat(Keyphrases.isName("LLMs")).isTrue();
        assertThat(Keyphrases.isName("KV-cache")).isTrue();
        assertThat(Keyphrases.isName("Cold-Start")).isFalse();
        assertThat(Keyphrases.statistical("The Cold-Start Safety Gap in LLM Agents", "LLM agents fail.", 3))
                .contains("cold-start safety gap", "LLM agents");
    }

    @Test
    void overlappingPhrases_areShownOnce() {
        // "language models" repeats; "large language models" shares both words and must not appear beside it.
        List<String> phrases = Keyphrases.statistical(
                "Language models",
                "Large language models are language models. " + "Language models learn syntax trees.",
                5);

        assertThat(phrases.stream().filter(p -> p.contains("language model")).count())
                .isEqualTo(1);
    }

    @Test
    void mathAndEmptyText_giveNoCrashAndNoTexFragments() {
        assertThat(Keyphrases.statistical("", "", 5)).isEmpty();
        assertThat(Keyphrases.statistical(
                        "Bounds on $\\mathcal{O}(n \\log n)$ sorting networks",
                        "We bound $\\mathcal{O}(n)$ sorting networks.",
                        5))
                .noneMatch(p -> p.contains("mathcal"));
    }

    @Test
    void onHuggingFacesOwnKeywords_theStatisticalMethodKeepsItsMeasuredAgreement() throws Exception {
        // Measured 2026-12-05: 18.0 % exact, 66.0 % share a word (see KeywordQuality); a regression shows here.
        KeywordQuality.Score s = KeywordQuality.score(
                KeywordQuality.references(),
                p -> Keyphrases.statistical(p.title(), p.abstractText(), KeywordQuality.TOP));

        assertThat(s.exact()).isGreaterThanOrEqualTo(0.16);
        assertThat(s.partial()).isGreaterThanOrEqualTo(0.60);
    }
}
