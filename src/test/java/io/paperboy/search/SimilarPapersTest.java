package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Papers like several liked ones, without embeddings, on a real index of six papers. */
final class SimilarPapersTest {
    private static SearchIndex index;
    private static SimilarPapers similar;

    @BeforeAll
    static void build() {
        index = SearchFixtures.index();
        similar = new SimilarPapers(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void likeAny_findsPapersLikeEachLikedOne_sayingWhichAndLeavingTheLikedOut() {
        List<SimilarPapers.Like> likes = similar.likeAny(List.of("2106.09685", "1706.03762"), 10);

        assertThat(likes)
                .extracting(SimilarPapers.Like::paperId)
                .doesNotContain("2106.09685", "1706.03762")
                .contains("2001.00001", "pb-0123456789ab");
        // "Lowrank tensor methods" shares low-rank words with LoRA; the convolutional networks paper
        // shares "networks" with the Transformer paper.
        assertThat(likes)
                .contains(
                        new SimilarPapers.Like("2001.00001", "2106.09685"),
                        new SimilarPapers.Like("pb-0123456789ab", "1706.03762"));
    }

    @Test
    void likeAny_ofUnknownPapers_isEmpty() {
        assertThat(similar.likeAny(List.of("2401.99999"), 10)).isEmpty();
    }
}
