package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every hostile input gives results or an {@link InvalidQueryException} with a message, nothing else. */
final class HostileQueriesTest {
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

    @Test
    void everyHostileInput_givesResultsOrAClearRejection() {
        for (String q : HostileQueries.all()) {
            assertThatCode(() -> {
                        try {
                            search.search(q, 10);
                        } catch (InvalidQueryException e) {
                            assertThat(e.getMessage())
                                    .as("message for %s", q)
                                    .isNotBlank()
                                    .hasSizeLessThan(300);
                        }
                    })
                    .as("query %s", q.length() > 60 ? q.substring(0, 60) + "…" : q)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aTenKilobyteQuery_isRejectedSayingTheLimit() {
        assertThatCode(() -> search.search("attention ".repeat(1000), 10))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("q must be at most 1000 characters (got 10000)");
    }

    @Test
    void aMalformedDate_isRejectedSayingWhatIsAccepted() {
        assertThatCode(() -> search.search("date:2024-13-01", 10))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("date must be YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM..TO");
    }

    @Test
    void controlCharacters_areSpaces() throws Exception {
        assertThat(search.search("\u0000attention\u0007", 10).hits())
                .extracting(SearchHit::paperId)
                .containsExactly("1706.03762");
    }

    @Test
    void anUnclosedQuote_runsToTheEnd() throws Exception {
        assertThat(search.search("\"low rank adaptation", 10).hits())
                .extracting(SearchHit::paperId)
                .containsExactly("2106.09685");
    }
}
