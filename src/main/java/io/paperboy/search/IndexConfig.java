package io.paperboy.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** How the index is written and scored. */
final class IndexConfig {
    /**
     * BM25 (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009):
     * k1 = 1.2 saturates term frequency, b = 0.75 normalises by length. A sweep on SciFact's
     * training queries (k1 0.6-1.5, b 0.3-0.75) found these defaults within 0.001 nDCG@10 of the
     * best; the test queries were not used (docs/benchmarks.md).
     */
    static final Similarity SIMILARITY = new BM25Similarity(1.2f, 0.75f);

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /**
     * Lucene's codec, but with HNSW graph merges on every core: merging into one segment after a
     * rebuild re-inserts the smaller segments' vectors into the largest graph, by far the longest
     * part of a rebuild with embeddings. The workers beyond the merge's own thread come from the
     * merge scheduler (see {@link #mergeScheduler}). The files are the default codec's.
     */
    private static final Codec CODEC = new Lucene103Codec() {
        private final KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(
                Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, CORES, null);

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return vectors;
        }
    };

    private IndexConfig() {}

    static IndexWriterConfig writer() {
        return new IndexWriterConfig(PaperAnalyzers.perField())
                .setSimilarity(SIMILARITY)
                .setCodec(CODEC)
                .setMergeScheduler(mergeScheduler())
                .setCommitOnClose(false);
    }

    /**
     * Lucene's scheduler lends a merge extra threads only while fewer than its thread limit run,
     * and by default allows one merge thread per two cores: on two cores, a vector merge would
     * never get its second worker. One thread more than the cores lets one merge use every core.
     */
    private static ConcurrentMergeScheduler mergeScheduler() {
        ConcurrentMergeScheduler scheduler = new ConcurrentMergeScheduler();
        scheduler.setMaxMergesAndThreads(CORES + 6, CORES + 1);
        return scheduler;
    }
}
