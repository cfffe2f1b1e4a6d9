package io.paperboy.web;

/** The body of every JSON error answer: {@code {"error": "limit must be between 1 and 100, not 0"}}. */
public record ApiError(String error) {}
