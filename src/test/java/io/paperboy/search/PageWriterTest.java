package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A large page is written on several threads; what it says must not depend on that. */
final class PageWriterTest {
    @Test
    void aLargePage_indexesEveryPaper_andAPaperListedTwiceKeepsItsLastVersion() throws Exception {
        List<Paper> page = new ArrayList<>();
        for (int i = 0; i < PageWriter.PARALLEL_FROM * 3; i++) {
            page.add(Paper.builder("2401." + String.format("%05d", i), "Paper number " + i)
                    .abstractText("Ordinary words about study " + i + ".")
                    .build()
                    .withChangeSeq(i + 1));
        }
        page.add(Paper.builder("2401.00007", "Quokka migration patterns")
                .abstractText("The revised version.")
                .build()
                .withChangeSeq(page.size() + 1));
        try (SearchIndex index = SearchIndex.inMemory()) {
            index.apply(page);

            SearchService search = new SearchService(index);
            assertThat(index.size()).isEqualTo(PageWriter.PARALLEL_FROM * 3);
            assertThat(index.appliedSeq()).isEqualTo(page.size());
            assertThat(search.search("quokka", 10).hits())
                    .extracting(SearchHit::paperId)
                    .containsExactly("2401.00007");
            assertThat(search.search("\"paper number 7\"", 10).hits()).isEmpty();
            assertThat(search.search("\"paper number 8\"", 10).hits())
                    .extracting(SearchHit::paperId)
                    .containsExactly("2401.00008");
        }
    }
}
