package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class RankFusionTest {

    @Test
    void aDocumentInBothRankings_beatsOneThatTopsOnlyOne() {
        // b: 1/62 + 1/61 = 0.03252; a: 1/61 = 0.01639; c: 1/62 = 0.01613.
        assertThat(RankFusion.fuse(List.of(List.of("a", "b"), List.of("c", "b")), 60, 10))
                .containsExactly("b", "a", "c");
    }

    @Test
    void equalScores_keepTheOrderFirstSeen() {
        assertThat(RankFusion.fuse(List.of(List.of("a"), List.of("c")), 60, 10)).containsExactly("a", "c");
    }

    @Test
    void aSmallK_letsATopRankOutweighAgreement() {
        // k = 0: a = 1/1 = 1.0 beats b = 1/2 + 1/3 = 0.833, which k = 60 would reverse.
        assertThat(RankFusion.fuse(List.of(List.of("a", "b"), List.of("x", "y", "b")), 0, 1))
                .containsExactly("a");
        assertThat(RankFusion.fuse(List.of(List.of("a", "b"), List.of("x", "y", "b")), 60, 1))
                .containsExactly("b");
    }

    @Test
    void theLimit_cutsTheFusedList() {
        assertThat(RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of()), 60, 2))
                .containsExactly("a", "b");
    }
}
