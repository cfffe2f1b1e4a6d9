package io.paperboy.search;

/** How results are ranked: BM25 on the words, vector similarity on the meaning, or both fused. */
public enum Ranking {
    BM25,
    VECTORS,
    HYBRID
}
