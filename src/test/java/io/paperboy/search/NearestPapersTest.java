package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Similar papers by embedding (real BGE-small vectors of the six fixture papers): the nearest
 * neighbours without the paper itself, each with an honest reason, and none at all for a paper
 * that has no embedding.
 */
final class NearestPapersTest {
    private static SearchIndex embedded;
    private static SearchIndex wordsOnly;
    private static final Map<String, Paper> PAPERS =
            SearchFixtures.papers().stream().collect(Collectors.toMap(Paper::id, p -> p));

    @BeforeAll
    static void build() {
        embedded = SearchFixtures.embeddedIndex(new Embedder());
        wordsOnly = SearchFixtures.index();
    }

    @AfterAll
    static void close() {
        embedded.close();
        wordsOnly.close();
    }

    @Test
    void nearest_areTheOtherPapersByEmbedding_nearestFirst_neverThePaperItself() {
        List<SimilarPapers.Neighbour> nearest = new SimilarPapers(embedded).nearest("2106.09685", 10);

        assertThat(nearest)
                .hasSize(5)
                .extracting(SimilarPapers.Neighbour::paperId)
                .doesNotContain("2106.09685");
        assertThat(nearest)
                .extracting(SimilarPapers.Neighbour::similarity)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aPaperWithoutAnEmbedding_hasNoSimilarPapers_notWordOverlapInstead() {
        assertThat(new SimilarPapers(wordsOnly).nearest("2106.09685", 10)).isEmpty();
    }

    @Test
    void theReason_namesSharedAuthorsAndRareWords_elseSaysCloseInMeaning() {
        SimilarPapers similar = new SimilarPapers(embedded);

        // "LeCun" wrote both; "saddle" and "Hessian" are in one paper only, so they explain nothing.
        assertThat(similar.why(PAPERS.get("pb-0123456789ab"), paperWithAuthor("Yann LeCun")))
                .startsWith("same author: Yann LeCun");
        // "Lowrank" is in two of the six papers: rare enough to say why.
        assertThat(similar.why(PAPERS.get("2106.09685"), PAPERS.get("2001.00001")))
                .contains("both use");
        assertThat(similar.why(PAPERS.get("1706.03762"), PAPERS.get("2403.00002")))
                .isEqualTo("close in meaning");
    }

    private static Paper paperWithAuthor(String author) {
        return Paper.builder("2501.00001", "Another paper")
                .abstractText("Nothing in common.")
                .authors(List.of(author))
                .build();
    }
}
