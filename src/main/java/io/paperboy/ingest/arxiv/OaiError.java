package io.paperboy.ingest.arxiv;

/** An {@code <error code="…">} element of an OAI-PMH response. */
record OaiError(String code, String message) {
    static final String NO_RECORDS_MATCH = "noRecordsMatch";

    @Override
    public String toString() {
        return message.isEmpty() ? code : code + " (" + message + ")";
    }
}
