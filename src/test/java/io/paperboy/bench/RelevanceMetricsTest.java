package io.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RelevanceMetricsTest {

    @Test
    void ndcg_isOneForAnIdealRanking() {
        assertThat(RelevanceMetrics.ndcg(List.of("a", "b", "x"), Set.of("a", "b"), 10))
                .isEqualTo(1.0);
    }

    @Test
    void ndcg_discountsByTheLogOfTheRank() {
        // One relevant document at rank 2: (1 / log2 3) / (1 / log2 2).
        assertThat(RelevanceMetrics.ndcg(List.of("x", "a"), Set.of("a"), 10)).isCloseTo(0.6309, within(1e-4));
        // Two relevant, found at ranks 1 and 3: (1 + 1/log2 4) / (1 + 1/log2 3).
        assertThat(RelevanceMetrics.ndcg(List.of("a", "x", "b"), Set.of("a", "b"), 10))
                .isCloseTo(0.9197, within(1e-4));
    }

    @Test
    void ndcg_ignoresDocumentsBelowTheCutoff() {
        assertThat(RelevanceMetrics.ndcg(List.of("x", "y", "a"), Set.of("a"), 2))
                .isZero();
    }

    @Test
    void recall_countsRelevantDocumentsInTheTopK() {
        assertThat(RelevanceMetrics.recall(List.of("a", "x", "b"), Set.of("a", "b", "c", "d"), 2))
                .isEqualTo(0.25);
        assertThat(RelevanceMetrics.recall(List.of("a", "x", "b"), Set.of("a", "b", "c", "d"), 100))
                .isEqualTo(0.5);
    }
}
