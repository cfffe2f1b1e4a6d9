package io.paperboy.search;

/** A search query that cannot be run; the message says what is accepted, for a 400 answer. */
public final class InvalidQueryException extends Exception {
    public InvalidQueryException(String message) {
        super(message);
    }
}
