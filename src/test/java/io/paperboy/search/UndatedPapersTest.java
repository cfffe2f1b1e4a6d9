package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Papers imported without a publication date (a third of the demo's) are found by the date
 * filters that cover the whole month their arXiv id was assigned in, and by no narrower one.
 */
final class UndatedPapersTest {
    private static SearchIndex index;
    private static SearchService search;

    @BeforeAll
    static void build() {
        index = SearchIndex.inMemory();
        index.apply(List.of(
                Paper.builder("2404.14619", "OpenELM: an efficient language model family")
                        .build()
                        .withChangeSeq(1),
                Paper.builder("2312.09251", "VL-GPT: a generative pre-trained transformer")
                        .build()
                        .withChangeSeq(2),
                Paper.builder("2404.00001", "A dated language model")
                        .published(LocalDate.parse("2024-04-20"))
                        .build()
                        .withChangeSeq(3),
                Paper.builder("pb-0123456789ab", "A language model with no arXiv id")
                        .build()
                        .withChangeSeq(4)));
        index.commit();
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
    void aYearOrMonthFilter_findsUndatedPapersByTheirArxivIdsMonth() throws Exception {
        assertThat(ids("year:2024")).containsExactlyInAnyOrder("2404.14619", "2404.00001");
        assertThat(ids("transformer year:2023")).containsExactly("2312.09251");
        assertThat(ids("date:2024-04")).containsExactlyInAnyOrder("2404.14619", "2404.00001");
        assertThat(ids("date:2023-12..")).containsExactlyInAnyOrder("2404.14619", "2312.09251", "2404.00001");
        assertThat(ids("date:..2023")).containsExactly("2312.09251");
    }

    @Test
    void aRangeCoveringPartOfTheMonth_leavesTheUndatedPaperOut_asItsDayIsUnknown() throws Exception {
        assertThat(ids("date:2024-04-15..2024-12-31")).containsExactly("2404.00001");
        assertThat(ids("-year:2024")).containsExactlyInAnyOrder("2312.09251", "pb-0123456789ab");
    }
}
