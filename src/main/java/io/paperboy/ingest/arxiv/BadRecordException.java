package io.paperboy.ingest.arxiv;

/** One harvested record that cannot be stored; the message names the element and why. */
final class BadRecordException extends Exception {
    BadRecordException(String message) {
        super(message);
    }
}
