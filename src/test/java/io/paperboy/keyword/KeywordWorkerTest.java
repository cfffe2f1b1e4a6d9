package io.paperboy.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class KeywordWorkerTest {
    @TempDir
    Path dir;

    private static Paper paper(String id, String title, String text) {
        return Paper.builder(id, title).abstractText(text).build();
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyPaperGetsKeywords_aRerunDoesNothing_andAnEditedPaperIsDoneAgain(TestStore store) {
        try (Database db = store.open(dir)) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, List.of(
                    paper("2401.00001", "Graph neural networks for molecules", "Graph neural networks predict molecules."),
                    paper("2401.00002", "Sparse attention", "Sparse attention scales transformers. Sparse attention helps."))));
            Keywords keywords = new Keywords(db);

            assertThat(new KeywordWorker(db, papers, null).computePending()).isEqualTo(2);
            // A new worker (as after a restart) starts from the stored cursor: nothing is left.
            assertThat(new KeywordWorker(db, papers, null).computePending()).isZero();
            assertThat(keywords.of("2401.00001")).contains("graph neural networks");

            db.useTransaction(h -> papers.store(h, List.of(
                    Paper.builder("2401.00001", "Graph neural networks for molecules").version(2)
                            .abstractText("We train equivariant transformers on molecular properties. The molecular properties are hard.").build())));
            assertThat(new KeywordWorker(db, papers, null).computePending()).isEqualTo(1);
            assertThat(keywords.of("2401.00001")).contains("molecular properties");
            assertThat(keywords.ofAll(List.of("2401.00001", "2401.00002", "2401.99999"))).containsOnlyKeys("2401.00001", "2401.00002");
        }
    }
}
