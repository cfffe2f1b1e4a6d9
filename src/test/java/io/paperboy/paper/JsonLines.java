package io.paperboy.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads a JSON Lines test resource into one tree per line. */
final class JsonLines {
    private JsonLines() {}

    static List<JsonNode> read(String resource) {
        try (InputStream in = JsonLines.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is not on the classpath");
            }
            return new ObjectMapper()
                    .readerFor(JsonNode.class)
                    .<JsonNode>readValues(in)
                    .readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("tests: unable to read " + resource, e);
        }
    }
}
