package io.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one JSON record of a source format into a paper and its listing entries. */
interface RecordParser {
    ImportRecord parse(JsonNode record, long line) throws RecordException;
}
