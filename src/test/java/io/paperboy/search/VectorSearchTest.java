package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranking by meaning with the real BGE-small model on the six fixture papers. */
final class VectorSearchTest {
    private static SearchIndex index;
    private static SearchService search;

    @BeforeAll
    static void build() {
        Embedder embedder = new Embedder();
        index = SearchFixtures.embeddedIndex(embedder);
        search = new SearchService(index, embedder);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    // One-sentence abstracts sit further from any query than real ones: "making pictures" is at
    // cosine 0.60 from the diffusion paper, so these tests lower the floor to see the mechanism.
    private static SearchService lowFloor() {
        return search.withMeaningFloor(0.55);
    }

    @Test
    void vectors_findAPaperByMeaningWithoutASharedWord_apartFromMatches() throws Exception {
        SearchResults results = lowFloor().search("making pictures", 10, Ranking.VECTORS);

        assertThat(results.hits()).isEmpty();
        assertThat(results.closeInMeaning()).extracting(SearchHit::paperId).containsExactly("2407.00003");
        assertThat(search.rank("making pictures", 10, Ranking.BM25)).isEmpty();
    }

    @Test
    void closeInMeaning_respectsFiltersAndExclusions() throws Exception {
        assertThat(lowFloor()
                        .search("making pictures cat:cs.CL", 10, Ranking.VECTORS)
                        .closeInMeaning())
                .isEmpty();
        assertThat(lowFloor()
                        .search("making pictures -cat:cs.CV", 10, Ranking.HYBRID)
                        .closeInMeaning())
                .isEmpty();
        assertThat(search.search("making pictures", 10, Ranking.HYBRID).closeInMeaning())
                .isEmpty(); // 0.60 < floor
        assertThat(lowFloor()
                        .search("making pictures cat:cs.CV", 10, Ranking.HYBRID)
                        .closeInMeaning())
                .extracting(SearchHit::paperId)
                .containsExactly("2407.00003");
    }

    @Test
    void hybrid_fusesBothRankings_butLetsInByMeaningAloneOnlyAboveTheFloor() throws Exception {
        List<String> fused = search.rank("handwritten digit recognition", 6, Ranking.HYBRID);
        List<String> everyNeighbour = new SearchService(index, new Embedder())
                .withMeaningFloor(-1)
                .rank("handwritten digit recognition", 6, Ranking.HYBRID);

        // One paper shares a word; none of the others is close enough in meaning to join it.
        assertThat(fused).containsExactly("pb-0123456789ab");
        assertThat(everyNeighbour).first().isEqualTo("pb-0123456789ab");
        assertThat(everyNeighbour).hasSize(6);
    }

    @Test
    void hybridSearch_isHighlightedLikeKeywordSearch() throws Exception {
        SearchResults results = search.search("image synthesis with diffusion", 3, Ranking.HYBRID);

        assertThat(results.fuzzy()).isFalse();
        SearchHit first = results.hits().get(0);
        assertThat(first.paperId()).isEqualTo("2407.00003");
        assertThat(first.highlightedTitle()).contains("<mark>Diffusion</mark>");
    }

    @Test
    void everyHostileInput_givesHybridResultsOrAClearRejection() {
        for (String q : HostileQueries.all()) {
            assertThatCode(() -> {
                        try {
                            search.rank(q, 10, Ranking.HYBRID);
                            search.search(q, 10, Ranking.HYBRID);
                        } catch (InvalidQueryException e) {
                            assertThat(e.getMessage()).as("message for %s", q).isNotBlank();
                        }
                    })
                    .as("query %s", q.length() > 60 ? q.substring(0, 60) + "…" : q)
                    .doesNotThrowAnyException();
        }
    }
}
