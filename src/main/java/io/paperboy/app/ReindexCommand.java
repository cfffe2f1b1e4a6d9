package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import io.paperboy.search.EmbeddingWorker;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy reindex}: rebuilds the search index from the store. */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the search index (DIR/index) from the store. Stop 'paperboy serve' on this "
                    + "data folder first. An interrupted rebuild leaves a consistent index that the next start "
                    + "or reindex completes.",
            "Not needed in normal operation: the server keeps the index caught up by itself."
        })
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(
            names = "--embeddings",
            description =
                    "Then embed every paper for semantic search (the rate on 2 cores "
                            + "is in docs/benchmarks.md), for servers started with 'serve --embeddings'; the text index is complete and "
                            + "committed first, and an interrupted run resumes where it stopped (so does 'serve --embeddings').")
    boolean embeddings;

    @Override
    public Integer call() {
        try (Database db = store.open();
                SearchIndex index = SearchIndex.open(store.indexDir())) {
            PaperService papers = new PaperService(db);
            EmbeddingStore vectors = new EmbeddingStore(db, Embedder.BGE_SMALL);
            IndexFollower follower = new IndexFollower(papers, index, vectors);
            long start = System.nanoTime();
            int indexed;
            try (ProgressDisplay ignored =
                    new ProgressDisplay("Indexing", papers.count(), " papers", 1, follower::applied, () -> "")) {
                indexed = follower.rebuild();
            }
            System.err.printf(
                    "indexed %,d papers up to change %d in %.1f s, with the %,d embeddings the store holds (%s)%n",
                    indexed,
                    index.appliedSeq(),
                    (System.nanoTime() - start) / 1e9,
                    index.size() - index.countWithoutVector(),
                    store.indexDir());
            if (embeddings) {
                embed(papers, vectors, index);
                follower.catchUp();
            }
            return 0;
        }
    }

    // Embeds into the store what it lacks (a serving node holding the job makes this wait for it).
    private static void embed(PaperService papers, EmbeddingStore vectors, SearchIndex index) {
        try (EmbeddingWorker worker = new EmbeddingWorker(
                papers,
                vectors,
                index,
                new Embedder(),
                "reindex "
                        + java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getName())) {
            long start = System.nanoTime();
            int embedded;
            try (ProgressDisplay ignored =
                    new ProgressDisplay("Embedding", worker.pending(), " papers", 1, worker::embedded, () -> "")) {
                embedded = worker.embedPending();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(
                    "embedded %,d papers in %.1f s (%.1f papers/s; the model ran for %,d, the others were stored)%n",
                    embedded, seconds, embedded / seconds, worker.modelRuns());
        }
    }
}
