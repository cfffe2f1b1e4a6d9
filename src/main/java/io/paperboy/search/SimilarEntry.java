package io.paperboy.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.paperboy.paper.ApiPaper;

/**
 * One paper of {@code GET /api/papers/{id}/similar}: the paper as {@code /api/papers/{id}} shows it, then
 * {@code why} (a few words) and {@code similarity} (cosine, three decimals).
 */
public record SimilarEntry(@JsonUnwrapped ApiPaper paper, String why, double similarity) {}
