package io.paperboy.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.paper.Paper;
import java.io.UncheckedIOException;

/** Parses arXiv snapshot lines as the importer does, for benchmarks that index papers without a store. */
public final class SnapshotLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnapshotParser parser = new SnapshotParser();

    /** The paper of one snapshot line ({@code line} numbers it in error messages). */
    public Paper parse(String json, long line) {
        try {
            return parser.parse(JSON.readTree(json), line).paper();
        } catch (RecordException e) {
            throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("line " + line, e);
        }
    }
}
