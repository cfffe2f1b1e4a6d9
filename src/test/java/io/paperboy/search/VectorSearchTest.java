package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.paperboy.paper.Paper;
import java.util.ArrayList;
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
        index = SearchIndex.inMemory();
        List<Paper> papers = new ArrayList<>();
        long seq = 1;
        for (Paper p : SearchFixtures.papers()) {
            papers.add(p.withChangeSeq(seq++));
        }
        index.apply(papers, embedder.embedPapers(papers));
        index.commit();
        search = new SearchService(index, embedder);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void vectors_findAPaperByMeaningWithoutASharedWord() throws Exception {
        assertThat(search.rank("making pictures", 1, Ranking.VECTORS)).containsExactly("2407.00003");
        assertThat(search.rank("making pictures", 10, Ranking.BM25)).isEmpty();
    }

    @Test
    void vectors_respectFiltersAndExclusions() throws Exception {
        assertThat(search.rank("making pictures cat:cs.CL", 10, Ranking.VECTORS))
                .containsExactlyInAnyOrder("2106.09685", "1706.03762");
        assertThat(search.rank("making pictures -cat:cs.CV", 10, Ranking.VECTORS)).doesNotContain("2407.00003", "2403.00002");
    }

    @Test
    void hybrid_fusesBothRankings() throws Exception {
        List<String> fused = search.rank("handwritten digit recognition", 6, Ranking.HYBRID);

        assertThat(fused).first().isEqualTo("pb-0123456789ab");
        assertThat(fused).hasSize(6); // vectors rank every paper, BM25 only the one sharing a word
    }

    @Test
    void hybridSearch_isHighlightedLikeKeywordSearch() throws Exception {
        SearchResults results = search.search("handwritten digit recognition", 3, Ranking.HYBRID);

        assertThat(results.fuzzy()).isFalse();
        assertThat(results.hits()).hasSize(3);
        SearchHit first = results.hits().get(0);
        assertThat(first.paperId()).isEqualTo("pb-0123456789ab");
        assertThat(first.highlightedTitle()).isEqualTo("Gradient-based learning applied to document <mark>recognition</mark>");
        // Found by meaning alone: shown unmarked, but shown.
        assertThat(results.hits().get(1).highlightedTitle()).doesNotContain("<mark>").isNotBlank();
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
            }).as("query %s", q.length() > 60 ? q.substring(0, 60) + "…" : q).doesNotThrowAnyException();
        }
    }
}
