package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our thread settings change how fast BGE-small runs, never what it computes. */
final class SentenceModelTest {
    @Test
    void tunedThreads_giveLangchain4jsVectors_forABatchAndForAQuery() {
        List<TextSegment> texts = SearchFixtures.papers().stream()
                .map(p -> TextSegment.from(p.title() + ". " + p.abstractText()))
                .toList();
        var reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        SentenceModel tuned = SentenceModel.load(SentenceModel.Threads.tuned());

        var expected = reference.embedAll(texts).content();
        var actual = tuned.embedAll(texts).content();

        assertThat(actual).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(actual.get(i).vector(), expected.get(i).vector()))
                    .as(texts.get(i).text())
                    .isGreaterThan(0.9999);
        }
        String query = Embedder.QUERY_INSTRUCTION + "low-rank adaptation";
        assertThat(cosine(
                        tuned.embed(query).content().vector(),
                        reference.embed(query).content().vector()))
                .isGreaterThan(0.9999);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
