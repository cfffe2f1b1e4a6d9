package io.paperboy.ingest.arxiv;

/**
 * The arXiv API answered, with an error entry instead of papers (a malformed or unknown id, say):
 * asking again will not help, unlike the other {@link HarvestException}s.
 */
public final class ArxivApiErrorException extends HarvestException {
    public ArxivApiErrorException(String message) {
        super(message);
    }
}
