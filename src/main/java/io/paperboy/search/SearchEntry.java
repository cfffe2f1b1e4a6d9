package io.paperboy.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paperboy.paper.ApiPaper;

/**
 * One result of {@code GET /api/papers/search}, in the shape of Hugging Face's paper search: the paper as
 * {@code /api/papers/{id}} shows it, then its publication time, title and summary again and the highlighted
 * title and summary (HTML-escaped, matches in {@code <mark>}).
 *
 * @param closeInMeaning {@code true} when nothing matched the words and the paper is listed for its meaning; absent otherwise
 */
public record SearchEntry(
        ApiPaper paper,
        String publishedAt,
        String title,
        String summary,
        String highlightedTitle,
        String highlightedSummary,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean closeInMeaning) {}
