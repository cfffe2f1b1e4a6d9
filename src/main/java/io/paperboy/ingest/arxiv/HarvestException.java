package io.paperboy.ingest.arxiv;

/**
 * A harvest that cannot go on: the message names the request and why (an OAI error, an HTTP
 * status, a malformed page, retries used up). What was stored before it stays stored, with its
 * checkpoint, so running the harvest again resumes there.
 */
public class HarvestException extends RuntimeException {
    public HarvestException(String message) {
        super(message);
    }

    public HarvestException(String message, Throwable cause) {
        super(message, cause);
    }
}
