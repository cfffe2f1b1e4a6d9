package io.paperboy.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import io.paperboy.search.EmbeddingWorker;
import io.paperboy.testing.Horizon;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
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
    void everyPaperGetsKeywords_aRerunDoesNothing_andAnEditedPaperIsDoneAgain(TestStore store) throws Exception {
        try (Database db = store.open(dir)) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(
                    h,
                    List.of(
                            paper(
                                    "2401.00001",
                                    "Graph neural networks for molecules",
                                    "Graph neural networks predict molecules."),
                            paper(
                                    "2401.00002",
                                    "Sparse attention",
                                    "Sparse attention scales transformers. Sparse attention helps."))));
            Horizon.awaitPapers(db, papers);
            Keywords keywords = new Keywords(db);

            assertThat(new KeywordWorker(db, papers, null, "node-a").computePending())
                    .isEqualTo(2);
            // A new worker (as after a restart) starts from the stored cursor: nothing is left.
            assertThat(new KeywordWorker(db, papers, null, "node-a").computePending())
                    .isZero();
            assertThat(keywords.of("2401.00001")).contains("graph neural networks");

            db.useTransaction(h -> papers.store(
                    h,
                    List.of(Paper.builder("2401.00001", "Graph neural networks for molecules")
                            .version(2)
                            .abstractText(
                                    "We train equivariant transformers on molecular properties. The molecular properties are hard.")
                            .build())));
            Horizon.awaitPapers(db, papers);
            assertThat(new KeywordWorker(db, papers, null, "node-a").computePending())
                    .isEqualTo(1);
            assertThat(keywords.of("2401.00001")).contains("molecular properties");
            assertThat(keywords.ofAll(List.of("2401.00001", "2401.00002", "2401.99999")))
                    .containsOnlyKeys("2401.00001", "2401.00002");
        }
    }

    /** The real sentence model, keeping every text it is asked to embed. */
    private static final class RecordingModel implements EmbeddingModel {
        private final EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
        final List<String> texts = new CopyOnWriteArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(s -> texts.add(s.text()));
            return model.embedAll(segments);
        }
    }

    private static final Paper MAMBA = paper(
            "2312.00752",
            "Mamba: linear-time sequence modeling with selective state spaces",
            "Foundation models are almost universally based on the Transformer architecture and its attention module. "
                    + "We identify that a key weakness of subquadratic models is their inability to perform content-based "
                    + "reasoning, and let the state space model parameters be functions of the input.");
    private static final Paper LORA = paper(
            "2106.09685",
            "LoRA: low-rank adaptation of large language models",
            "We propose low-rank adaptation, which freezes the pretrained model weights and injects trainable rank "
                    + "decomposition matrices into each layer of the Transformer architecture, reducing trainable parameters.");

    private static String paperText(Paper p) {
        return p.title() + ". " + p.abstractText();
    }

    @Test
    void aPaperVectorStoredByTheEmbeddingWorker_isUsed_soOnlyTheCandidatePhrasesGoThroughTheModel() {
        RecordingModel model = new RecordingModel();
        Embedder embedder = new Embedder(model, "", Embedder.BGE_SMALL);
        Map<String, List<String>> embeddedHere;
        try (Database db = TestStore.SQLITE.open(dir.resolve("without"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, List.of(MAMBA, LORA)));
            new KeywordWorker(db, papers, embedder, "node-a").computePending();
            // Nothing stored: each paper's own text went through the model, besides its phrases.
            assertThat(model.texts).contains(paperText(MAMBA), paperText(LORA));
            embeddedHere = new Keywords(db).ofAll(List.of(MAMBA.id(), LORA.id()));
        }

        try (Database db = TestStore.SQLITE.open(dir.resolve("with"))) {
            PaperService papers = new PaperService(db);
            db.useTransaction(h -> papers.store(h, List.of(MAMBA, LORA)));
            new EmbeddingWorker(papers, new EmbeddingStore(db, embedder.name()), null, embedder, "node").embedPending();
            model.texts.clear();

            new KeywordWorker(db, papers, embedder, "node-a").computePending();

            assertThat(model.texts).isNotEmpty().doesNotContain(paperText(MAMBA), paperText(LORA));
            // The stored vector is the model's vector of the same text: the same phrases, in the same order.
            assertThat(new Keywords(db).ofAll(List.of(MAMBA.id(), LORA.id()))).isEqualTo(embeddedHere);

            // An abstract edited after it was embedded: its stored vector is of the old text, so the paper is embedded
            // again.
            Paper edited = Paper.builder(LORA.id(), LORA.title())
                    .version(2)
                    .abstractText(
                            "Low-rank adapters fine-tune diffusion models for image generation with few trainable parameters.")
                    .build();
            db.useTransaction(h -> papers.store(h, List.of(edited)));
            model.texts.clear();
            new KeywordWorker(db, papers, embedder, "node-a").computePending();
            assertThat(model.texts).contains(paperText(edited)).doesNotContain(paperText(MAMBA));
        }
    }
}
