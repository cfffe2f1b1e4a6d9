package io.paperboy.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.paperboy.bench.BeirDataset;
import io.paperboy.paper.Paper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Embedding speed on real abstracts: the first N SciFact documents (title and abstract, as papers
 * are embedded) through {@link Embedder} in the worker's batches, for langchain4j's default
 * settings and for {@link SentenceModel}'s thread settings. Each model embeds one batch to warm up
 * first. The models run one after the other, so compare them within one run.
 *
 * <p>Run: {@code java -cp … io.paperboy.search.EmbeddingSpeed ../shared/data/beir-scifact [N]}
 * (docs/benchmarks.md, "Embedding speed").
 */
public final class EmbeddingSpeed {
    public static void main(String[] args) throws Exception {
        BeirDataset data = BeirDataset.load(Path.of(args[0]), "test");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 320;
        List<Paper> papers = new ArrayList<>();
        for (BeirDataset.Doc d : data.corpus().subList(0, n)) {
            papers.add(Paper.builder(d.id(), d.title().strip())
                    .abstractText(d.text())
                    .build());
        }
        System.out.printf(
                Locale.ROOT,
                "%d cores, load %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip());
        int cores = Runtime.getRuntime().availableProcessors();
        // Each setting twice, interleaved, so a change in the machine's load shows as disagreement.
        for (int round = 1; round <= 2; round++) {
            measure("1 text x " + cores + " threads", SentenceModel.load(new SentenceModel.Threads(1, cores)), papers);
            measure(cores + " texts x 1 thread", SentenceModel.load(new SentenceModel.Threads(cores, 1)), papers);
            measure("langchain4j defaults", new BgeSmallEnV15QuantizedEmbeddingModel(), papers);
        }
        System.exit(0);
    }

    private static void measure(String name, EmbeddingModel model, List<Paper> papers) {
        Embedder embedder = new Embedder(model);
        int batch = EmbeddingWorker.BATCH;
        embedder.embedPapers(papers.subList(0, batch));
        long start = System.nanoTime();
        for (int i = 0; i < papers.size(); i += batch) {
            embedder.embedPapers(papers.subList(i, Math.min(papers.size(), i + batch)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long queryStart = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            model.embed(Embedder.QUERY_INSTRUCTION + "query number " + i + " about protein folding");
        }
        double queryMs = (System.nanoTime() - queryStart) / 1e6 / 50;
        System.out.printf(
                Locale.ROOT,
                "%-22s %5.1f papers/s (%d papers in %.1f s); a query %.1f ms  [%s]%n",
                name,
                papers.size() / seconds,
                papers.size(),
                seconds,
                queryMs,
                model);
    }
}
