package io.paperboy.search;

import io.paperboy.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Writes a page of papers' documents on several threads: the index writer takes documents from
 * several threads at once, and analysis, most of the work, then runs on every core. Indexing a
 * rebuild's pages of 2,000 on two threads instead of one nearly doubled its rate on two cores
 * (docs/benchmarks.md).
 */
final class PageWriter implements AutoCloseable {
    /** Threads that write a large page together; one is the caller's. */
    private static final int THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());
    /** Smaller pages (the live follower's few new papers) are not worth a hand-over. */
    static final int PARALLEL_FROM = 200;

    private final IndexWriter writer;
    private final ExecutorService helpers = Executors.newFixedThreadPool(
            Math.max(1, THREADS - 1),
            Thread.ofPlatform().daemon().name("index-writer-", 1).factory());

    PageWriter(IndexWriter writer) {
        this.writer = writer;
    }

    /** Adds or replaces the papers' documents ({@code vectors} in the same order, or null). */
    void write(List<Paper> papers, List<float[]> vectors) {
        int parts = papers.size() < PARALLEL_FROM ? 1 : THREADS;
        List<Future<?>> others = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            int mine = part;
            others.add(helpers.submit(() -> writePart(papers, vectors, mine, parts)));
        }
        writePart(papers, vectors, 0, parts);
        for (Future<?> other : others) {
            await(other, papers.size());
        }
    }

    // A paper listed twice hashes to one part, so its versions are written in order.
    private Void writePart(List<Paper> papers, List<float[]> vectors, int part, int parts) {
        try {
            for (int i = 0; i < papers.size(); i++) {
                Paper p = papers.get(i);
                if (Math.floorMod(p.id().hashCode(), parts) == part) {
                    float[] vector = vectors == null ? null : vectors.get(i);
                    writer.updateDocument(new Term(IndexFields.ID, p.id()), IndexFields.document(p, vector));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("search index: cannot apply " + papers.size() + " papers", e);
        }
    }

    private static void await(Future<?> part, int papers) {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search index: interrupted while applying " + papers + " papers", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Lets the helper threads end; never interrupts them (an interrupt closes Lucene's files). */
    @Override
    public void close() {
        helpers.shutdown();
    }
}
