package io.paperboy.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
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

    /**
     * Lucene's codec, but merging HNSW graphs on every core: merging into one segment after a
     * rebuild re-inserts the smaller segments' vectors into the largest graph, by far the longest
     * part of a rebuild with embeddings. The files are the default codec's.
     */
    private static final Codec CODEC = new Lucene103Codec() {
        private final KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
                Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, Runtime.getRuntime().availableProcessors(), null);

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
                .setCommitOnClose(false);
    }
}
