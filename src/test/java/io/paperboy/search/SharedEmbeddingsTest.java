package io.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Poll;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embeddings computed once for the whole site (issue 14, "Many nodes"): nodes on one PostgreSQL
 * store, each with its own index and embedding worker. A new paper is embedded once, by one node,
 * and is found by meaning on every node; a node started later embeds nothing and finds it too.
 */
final class SharedEmbeddingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOKKAS = "2612.09999";

    @TempDir
    Path dir;

    /** The real model, counting the paper texts it embeds (search queries, with their instruction, apart). */
    private static final class CountingModel implements EmbeddingModel {
        private final EmbeddingModel model;
        private final AtomicInteger papers = new AtomicInteger();

        CountingModel(EmbeddingModel model) {
            this.model = model;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            papers.addAndGet((int) segments.stream()
                    .filter(s -> !s.text().startsWith(Embedder.QUERY_INSTRUCTION))
                    .count());
            return model.embedAll(segments);
        }
    }

    private static Embedder counting(CountingModel model) {
        return new Embedder(model, Embedder.QUERY_INSTRUCTION, Embedder.BGE_SMALL);
    }

    // The ids the node ranks first by meaning alone.
    private static String nearestByMeaning(TestServer node, String query) throws Exception {
        JsonNode hits = JSON.readTree(node.get("/api/papers/search?ranking=vectors&limit=1&q="
                        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
                .body());
        return hits.isArray() && !hits.isEmpty() ? hits.get(0).at("/paper/id").asText() : "";
    }

    @Test
    void aPaperEmbeddedOnce_isFoundByMeaningOnEveryNode_andANodeStartedLaterEmbedsNothing() throws Exception {
        EmbeddingModel model = SentenceModel.load(SentenceModel.Threads.tuned());
        CountingModel first = new CountingModel(model);
        CountingModel second = new CountingModel(model);
        CountingModel third = new CountingModel(model);
        try (TestServer one = TestServer.withEmbeddings(
                        Files.createDirectories(dir.resolve("1")), TestStore.POSTGRESQL, counting(first));
                TestServer two =
                        one.anotherNodeWithEmbeddings(Files.createDirectories(dir.resolve("2")), counting(second))) {
            long samples = new PaperService(one.db()).count();
            assertThat(first.papers.get())
                    .as("the first node embedded every sample paper")
                    .isEqualTo((int) samples);
            assertThat(second.papers.get())
                    .as("the second node found them stored")
                    .isZero();

            one.db()
                    .useTransaction(h -> new PaperService(one.db())
                            .store(
                                    h,
                                    List.of(Paper.builder(
                                                    QUOKKAS, "Counting quokkas on Rottnest Island from drone images")
                                            .abstractText(
                                                    "We count quokkas, small marsupials, in aerial photographs taken by drones over Rottnest Island.")
                                            .build())));

            for (TestServer node : List.of(one, two)) {
                assertThat(Poll.until(
                                Duration.ofSeconds(60),
                                () -> nearestByMeaning(node, "counting quokkas from drone images"),
                                QUOKKAS::equals))
                        .isEqualTo(QUOKKAS);
            }
            // Once, by whichever node held the job.
            assertThat(first.papers.get() + second.papers.get()).isEqualTo((int) samples + 1);

            try (TestServer three =
                    one.anotherNodeWithEmbeddings(Files.createDirectories(dir.resolve("3")), counting(third))) {
                assertThat(nearestByMeaning(three, "counting quokkas from drone images"))
                        .isEqualTo(QUOKKAS);
                assertThat(third.papers.get())
                        .as("the node started later embedded nothing")
                        .isZero();
            }
        }
    }
}
