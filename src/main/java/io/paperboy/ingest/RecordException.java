package io.paperboy.ingest;

/** A record that cannot be imported; the message says which field and why. */
final class RecordException extends Exception {
    RecordException(String message) {
        super(message);
    }

    static RecordException field(String field, String reason) {
        return new RecordException("field '" + field + "': " + reason);
    }
}
