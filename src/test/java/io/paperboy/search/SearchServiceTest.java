package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One behaviour of the query language each, on a real Lucene index of six papers. */
final class SearchServiceTest {
    private static SearchIndex index;
    private static SearchService search;

    @BeforeAll
    static void build() {
        index = SearchFixtures.index();
        search = new SearchService(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> ids(String q) throws InvalidQueryException {
        return search.search(q, 10).hits().stream().map(SearchHit::paperId).toList();
    }

    @Test
    void plainWords_rankThePaperWithMostOfThemFirst() throws Exception {
        assertThat(ids("attention transduction networks")).first().isEqualTo("1706.03762");
    }

    @Test
    void aTitleMatch_outranksTheSameWordInAnAbstract() throws Exception {
        assertThat(ids("diffusion")).first().isEqualTo("2407.00003");
    }

    @Test
    void hyphenatedQuery_findsHyphenatedSpacedAndJoinedSpellings() throws Exception {
        assertThat(ids("low-rank")).contains("2106.09685", "2001.00001", "2403.00002");
        assertThat(ids("lowrank")).contains("2106.09685", "2001.00001");
        assertThat(ids("\"low rank\"")).contains("2106.09685", "2403.00002");
    }

    @Test
    void quotedPhrase_requiresTheWordsTogetherAndInOrder() throws Exception {
        assertThat(ids("\"low rank adaptation\"")).containsExactly("2106.09685");
        assertThat(ids("\"adaptation rank\"")).isEmpty();
    }

    @Test
    void authorPhrase_matchesOneAuthorsFullName_notTwoAuthors() throws Exception {
        assertThat(ids("author:\"Yann LeCun\"")).containsExactly("pb-0123456789ab");
        assertThat(ids("author:lecun")).containsExactlyInAnyOrder("pb-0123456789ab", "2403.00002");
        assertThat(ids("author:\"leon bottou\"")).containsExactly("pb-0123456789ab");
    }

    @Test
    void category_matchesExactlyOrByArchive_inAnyCase() throws Exception {
        assertThat(ids("cat:cs.CL")).containsExactlyInAnyOrder("2106.09685", "1706.03762");
        assertThat(ids("cat:MATH.NA")).containsExactly("2001.00001");
        assertThat(ids("cat:math")).containsExactly("2001.00001");
        assertThat(ids("networks cat:cs.CV")).containsExactly("2407.00003");
    }

    @Test
    void yearAndDateRanges_filterByPublicationDate() throws Exception {
        assertThat(ids("year:2024")).containsExactlyInAnyOrder("2403.00002", "2407.00003");
        assertThat(ids("year:2017..2021")).containsExactlyInAnyOrder("2106.09685", "2001.00001", "1706.03762");
        assertThat(ids("date:2024-01-01..2024-06-30")).containsExactly("2403.00002");
        assertThat(ids("date:..1999")).containsExactly("pb-0123456789ab");
        assertThat(ids("date:2024-07")).containsExactly("2407.00003");
        assertThat(ids("low rank date:2021-01-01..")).containsExactlyInAnyOrder("2106.09685", "2403.00002");
    }

    @Test
    void onlyFilters_listTheNewestPapersFirst() throws Exception {
        assertThat(ids("cat:cs"))
                .containsExactly("2407.00003", "2403.00002", "2106.09685", "1706.03762", "pb-0123456789ab");
        assertThat(ids("year:2017..2024 -cat:cs.CV")).containsExactly("2106.09685", "2001.00001", "1706.03762");
    }

    @Test
    void minus_excludesWordsPhrasesAndFilters() throws Exception {
        assertThat(ids("networks -diffusion")).doesNotContain("2407.00003").contains("1706.03762");
        assertThat(ids("low rank -\"low rank adaptation\""))
                .doesNotContain("2106.09685")
                .contains("2403.00002");
        assertThat(ids("networks -cat:cs.CL -year:1998")).containsExactly("2407.00003");
    }

    @Test
    void typos_fallBackToFuzzyMatching_onlyWhenNothingMatches() throws Exception {
        SearchResults results = search.search("atention transdcution", 10);

        assertThat(results.fuzzy()).isTrue();
        assertThat(results.hits()).extracting(SearchHit::paperId).first().isEqualTo("1706.03762");
        assertThat(search.search("attention", 10).fuzzy()).isFalse();
    }

    @Test
    void highlights_markMatchesInTitleAndSnippet_andEscapeHtml() throws Exception {
        SearchHit hit = search.search("diffusion", 1).hits().get(0);

        assertThat(hit.highlightedTitle())
                .isEqualTo(
                        "<mark>Diffusion</mark> models beat GANs on image synthesis &lt;b&gt;&amp; more&lt;&#x2F;b&gt;");
        assertThat(hit.highlightedSummary()).startsWith("<mark>Diffusion</mark> models achieve");
    }

    @Test
    void latexInAbstracts_isSearchableByItsWords() throws Exception {
        assertThat(ids("\"n log n\"")).containsExactly("2001.00001");
    }

    @Test
    void luceneSyntaxBeyondAndOrNot_isReadAsPlainText() throws Exception {
        assertThat(ids("attention AND (transformer OR rnn)^2 title:attention*"))
                .first()
                .isEqualTo("1706.03762");
    }

    @Test
    void onlyStopWordsOrPunctuation_findNothing_butOnlyFiltersFindWhatTheyAllow() throws Exception {
        assertThat(ids("the of and")).isEmpty();
        assertThat(ids("* ? ~")).isEmpty();
        assertThat(ids("-cat:cs")).containsExactly("2001.00001");
    }

    @Test
    void limitOutsideItsRange_isRejectedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> search.search("attention", 0))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("limit must be between 1 and 100 (got 0)");
    }

    @Test
    void total_countsEveryMatch_exactly_whateverThePageSize() throws Exception {
        SearchResults first = search.search("low-rank", 1);

        assertThat(first.hits()).hasSize(1);
        assertThat(first.total()).isEqualTo(ids("low-rank").size()).isEqualTo(3);
        assertThat(first.byMeaning()).isZero();
    }

    @Test
    void aPagePastTheLastListedResult_isRefusedSayingWhy() {
        assertThatThrownBy(() -> search.search("low-rank", 990, 20, Ranking.BM25, SearchOrder.RELEVANCE))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("first 1000 results");
        assertThatThrownBy(() -> search.search("low-rank", Integer.MAX_VALUE, 20, Ranking.BM25, SearchOrder.DATE))
                .isInstanceOf(InvalidQueryException.class);
    }
}
