package io.paperboy.search;

/**
 * One search result: the paper's id, its score, and its title and abstract snippet as HTML-escaped
 * text with matches in {@code <mark>} (null when the field is empty).
 */
public record SearchHit(String paperId, float score, String highlightedTitle, String highlightedSummary) {}
