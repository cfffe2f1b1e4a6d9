package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The query language means the same in every ranking: phrases, exclusions, authors, categories
 * and dates restrict which papers are shown, by words and by meaning alike (real BGE-small
 * embeddings of the fixture papers); nonsense finds nothing, a typo falls back to typo-tolerant
 * words, and words no paper contains leave only papers close in meaning, apart.
 */
final class QuerySemanticsTest {
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

    private static List<String> ids(String q, Ranking ranking) throws InvalidQueryException {
        return search.search(q, 10, ranking).hits().stream()
                .map(SearchHit::paperId)
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void aPhrase_showsOnlyPapersContainingIt(Ranking ranking) throws Exception {
        // Five papers are about low rank things in some words; one has the phrase.
        assertThat(ids("\"low-rank adaptation\"", ranking)).containsExactly("2106.09685");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void anExclusion_removesEveryPaperItMatches(Ranking ranking) throws Exception {
        assertThat(ids("low rank -cat:cs.CL", ranking)).isNotEmpty().doesNotContain("2106.09685", "1706.03762");
        assertThat(ids("low rank -adaptation", ranking)).isNotEmpty().doesNotContain("2106.09685");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void fields_restrictToTheirAuthorCategoryAndYear(Ranking ranking) throws Exception {
        assertThat(ids("networks author:LeCun", ranking)).containsExactly("pb-0123456789ab");
        assertThat(ids("networks cat:cs.CV", ranking)).containsExactly("2407.00003");
        assertThat(ids("networks year:2017", ranking)).containsExactly("1706.03762");
        assertThat(ids("networks year:2017..2024 -cat:cs.CV", ranking)).containsExactly("1706.03762");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void nonsense_findsNothingAtAll(Ranking ranking) throws Exception {
        SearchResults results = search.search("qwzxv plorkbat flimflam", 10, ranking);

        assertThat(results.hits()).isEmpty();
        assertThat(results.closeInMeaning()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void aTypo_fallsBackToTypoTolerantWords(Ranking ranking) throws Exception {
        SearchResults results = search.search("difusion", 10, ranking);

        assertThat(results.fuzzy()).isTrue();
        assertThat(results.hits()).extracting(SearchHit::paperId).first().isEqualTo("2407.00003");
        // By meaning alone nothing else is close enough to join the typo's match.
        assertThat(results.hits()).extracting(SearchHit::paperId).containsExactly("2407.00003");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void wordsThatMatch_listOnlyPapersWithTheWordsOrCloseInMeaning(Ranking ranking) throws Exception {
        // "saddle" is in one paper; the others are not about escaping saddle points.
        assertThat(ids("saddle", ranking)).containsExactly("2403.00002");
    }

    @ParameterizedTest
    @EnumSource(
            value = Ranking.class,
            names = {"VECTORS", "HYBRID"})
    void wordsNoPaperContains_leaveOnlyPapersCloseInMeaningApart(Ranking ranking) throws Exception {
        // The fixture's one-sentence abstracts sit far from any query ("making pictures" is at
        // cosine 0.60 from the diffusion paper), so a lower floor shows the mechanism.
        SearchResults none = search.withMeaningFloor(0.55).search("making pictures", 10, ranking);

        assertThat(none.hits()).isEmpty();
        assertThat(none.fuzzy()).isFalse();
        assertThat(none.closeInMeaning()).extracting(SearchHit::paperId).containsExactly("2407.00003");
        assertThat(search.search("making pictures", 10, ranking).closeInMeaning())
                .isEmpty();
    }

    @Test
    void rankingByWords_showsNothingCloseInMeaning() throws Exception {
        SearchResults results = search.withMeaningFloor(0.55).search("making pictures", 10, Ranking.BM25);

        assertThat(results.hits()).isEmpty();
        assertThat(results.closeInMeaning()).isEmpty();
    }

    @Test
    void hybridCounts_theWordMatchesAndThePapersListedForTheirMeaningAlone() throws Exception {
        // Three papers contain "networks" or "attention"; LoRA contains none of the words but is
        // close enough in meaning to a question about translation models.
        SearchResults results = search.search("translation with attention networks", 10, Ranking.HYBRID);

        assertThat(results.total()).isEqualTo(4);
        assertThat(results.byMeaning()).isEqualTo(1);
        assertThat(results.hits()).extracting(SearchHit::paperId).contains("2106.09685");
    }

    @Test
    void sortByDate_inHybridRanking_ordersTheWholeList_papersListedByMeaningIncluded() throws Exception {
        SearchResults byDate =
                search.search("translation with attention networks", 0, 10, Ranking.HYBRID, SearchOrder.DATE);

        // 2024, 2021 (by meaning alone), 2017, 1998: before, the date order left LoRA out.
        assertThat(byDate.hits())
                .extracting(SearchHit::paperId)
                .containsExactly("2407.00003", "2106.09685", "1706.03762", "pb-0123456789ab");
    }

    @Test
    void sortByUpvotes_inHybridRanking_ordersTheWholeList_papersListedByMeaningIncluded() throws Exception {
        // As the store hands them out: the n most upvoted, most first.
        java.util.Map<String, Integer> upvotes = new java.util.LinkedHashMap<>();
        upvotes.put("2001.00001", 9);
        upvotes.put("2106.09685", 5);
        upvotes.put("pb-0123456789ab", 2);
        SearchService voted = search.withUpvotes(n -> upvotes.entrySet().stream()
                .limit(n)
                .collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey,
                        java.util.Map.Entry::getValue,
                        (x, y) -> x,
                        java.util.LinkedHashMap::new)));

        SearchResults byUpvotes =
                voted.search("translation with attention networks", 0, 10, Ranking.HYBRID, SearchOrder.UPVOTES);

        // The most upvoted paper (2001.00001) is not in the list at all: only the list is ordered.
        assertThat(byUpvotes.hits())
                .extracting(SearchHit::paperId)
                .hasSize(4)
                .startsWith("2106.09685", "pb-0123456789ab")
                .doesNotContain("2001.00001");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void pages_sliceTheSameList_andCountIt(Ranking ranking) throws Exception {
        List<String> all = ids("low rank networks", ranking);

        SearchResults second = search.search("low rank networks", 2, 2, ranking, SearchOrder.RELEVANCE);

        assertThat(all).hasSizeGreaterThan(3);
        assertThat(second.total()).isEqualTo(all.size());
        assertThat(second.hits()).extracting(SearchHit::paperId).containsExactlyElementsOf(all.subList(2, 4));
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void anArxivIdOrAddress_showsThatPaper_andOnlyThat(Ranking ranking) throws Exception {
        // 2106.09685 and 1706.03762 are ids of fixture papers; other papers share none of their words.
        for (String named : List.of(
                "2106.09685",
                "arXiv:2106.09685v2",
                "https://arxiv.org/abs/2106.09685",
                "arxiv.org/pdf/2106.09685v1.pdf",
                "https://arxiv.org/html/2106.09685v2",
                "https://huggingface.co/papers/2106.09685")) {
            assertThat(ids(named, ranking)).as(named).containsExactly("2106.09685");
        }
        assertThat(ids("2106.09685 1706.03762", ranking)).containsExactlyInAnyOrder("2106.09685", "1706.03762");
        assertThat(ids("low rank -2106.09685", ranking)).isNotEmpty().doesNotContain("2106.09685");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void anArxivIdTheSiteLacks_findsNothing_notPapersWithSimilarDigits(Ranking ranking) throws Exception {
        SearchResults results = search.search("2106.09686", 10, ranking);

        assertThat(results.hits()).isEmpty();
        assertThat(results.closeInMeaning()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void filtersAlone_listWhatTheyAllow_inEveryRanking(Ranking ranking) throws Exception {
        assertThat(ids("cat:cs.CV", ranking)).containsExactly("2407.00003", "2403.00002");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void and_requiresEveryWord_byWordsAndByMeaningAlike(Ranking ranking) throws Exception {
        // "networks" alone finds three papers; only the diffusion paper also says "diffusion".
        assertThat(ids("networks diffusion", ranking)).contains("1706.03762");
        assertThat(ids("networks AND diffusion", ranking)).containsExactly("2407.00003");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void orAndParentheses_offerAlternatives(Ranking ranking) throws Exception {
        assertThat(ids("\"low rank\" OR lowrank", ranking))
                .containsExactlyInAnyOrder("2106.09685", "2001.00001", "2403.00002");
        assertThat(ids("(diffusion OR attention) AND networks", ranking))
                .containsExactlyInAnyOrder("2407.00003", "1706.03762");
    }

    @ParameterizedTest
    @EnumSource(Ranking.class)
    void not_excludesLikeMinus(Ranking ranking) throws Exception {
        assertThat(ids("networks NOT diffusion", ranking)).isNotEmpty().doesNotContain("2407.00003");
    }
}
