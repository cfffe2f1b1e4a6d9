package io.paperboy.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A backup file: gzip-compressed JSON lines. The first line says what it holds
 * ({@code {"format":"paperboy-backup",…,"schemaVersion":"16"}}); then, per table, a line
 * {@code {"table":…,"columns":[…]}}, one JSON array per row, and {@code {"end":…,"rows":…,
 * "checksum":…}}; then the id sequences; and last {@code {"complete":true}}, without which a
 * file is refused as cut short. Bytes are carried as {@code {"base64":…}}.
 */
public final class BackupFile {
    static final String FORMAT = "paperboy-backup";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = Json.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BackupFile() {}

    /** A sink writing to {@code file}: to {@code FILE.partial} first, moved into place once complete. */
    public static Writer writer(Path file) {
        return new Writer(file);
    }

    /** Writes a backup file; {@link #close} without {@link #finish} deletes the partial file. */
    public static final class Writer implements StoreCopy.Sink, AutoCloseable {
        private final Path file;
        private final Path partial;
        private java.io.Writer out;
        private boolean done;

        private Writer(Path file) {
            this.file = file.toAbsolutePath();
            this.partial = this.file.resolveSibling(this.file.getFileName() + ".partial");
        }

        @Override
        public void start(StoreCopy.Header header) throws IOException {
            out = new BufferedWriter(
                    new OutputStreamWriter(
                            new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16), StandardCharsets.UTF_8),
                    1 << 16);
            ObjectNode line = NODES.objectNode()
                    .put("format", FORMAT)
                    .put("formatVersion", FORMAT_VERSION)
                    .put("schemaVersion", header.schemaVersion())
                    .put("sourceDialect", header.sourceDialect())
                    .put("takenAt", header.takenAt());
            ObjectNode excluded = line.putObject("excluded");
            new TreeMap<>(StoreSchema.EXCLUDED).forEach(excluded::put);
            write(line);
        }

        @Override
        public void table(StoreCopy.TableStart table) throws IOException {
            ObjectNode line = NODES.objectNode().put("table", table.name());
            ArrayNode columns = line.putArray("columns");
            table.columns().forEach(columns::add);
            write(line);
        }

        @Override
        public void row(List<Object> values) throws IOException {
            ArrayNode row = NODES.arrayNode(values.size());
            for (Object v : values) {
                switch (v) {
                    case null -> row.addNull();
                    case Long l -> row.add(l);
                    case Double d -> row.add(d);
                    case byte[] b ->
                        row.addObject().put("base64", Base64.getEncoder().encodeToString(b));
                    default -> row.add(v.toString());
                }
            }
            write(row);
        }

        @Override
        public void endTable(String table, StoreCopy.TableSummary summary) throws IOException {
            write(NODES.objectNode()
                    .put("end", table)
                    .put("rows", summary.rows())
                    .put("checksum", summary.checksum()));
        }

        @Override
        public void sequences(Map<String, Long> lastIssued) throws IOException {
            ObjectNode line = NODES.objectNode();
            ObjectNode sequences = line.putObject("sequences");
            lastIssued.forEach(sequences::put);
            write(line);
        }

        @Override
        public void finish() throws IOException {
            write(NODES.objectNode().put("complete", true));
            out.close();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(partial);
            }
        }

        private void write(JsonNode node) throws IOException {
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
        }
    }

    /**
     * Reads {@code file} into {@code sink}, checking each table's rows against the count and
     * checksum recorded beside them; refuses a file that is not a backup or was cut short.
     */
    public static StoreCopy.Header read(Path file, StoreCopy.Sink sink) throws Exception {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
                1 << 16)) {
            Reading reading = new Reading(file, in, sink);
            return reading.all();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("restore: no such file: " + file, e);
        } catch (ZipException e) {
            throw new IllegalArgumentException(
                    "restore: " + file + " is not a Paperboy backup (not gzip: " + e.getMessage() + ")", e);
        }
    }

    /** One pass over a backup file's lines. */
    private static final class Reading {
        private final Path file;
        private final BufferedReader in;
        private final StoreCopy.Sink sink;
        private long lineNumber;

        Reading(Path file, BufferedReader in, StoreCopy.Sink sink) {
            this.file = file;
            this.in = in;
            this.sink = sink;
        }

        StoreCopy.Header all() throws Exception {
            JsonNode first = next();
            if (first == null || !FORMAT.equals(first.path("format").asText())) {
                throw bad("it does not start with a Paperboy backup header");
            }
            if (first.path("formatVersion").asInt() > FORMAT_VERSION) {
                throw bad(
                        "it is in backup format " + first.path("formatVersion").asInt()
                                + ", newer than this Paperboy reads (" + FORMAT_VERSION + ")");
            }
            var header = new StoreCopy.Header(
                    first.path("schemaVersion").asText(),
                    first.path("sourceDialect").asText(),
                    first.path("takenAt").asText());
            sink.start(header);
            for (JsonNode line = next(); ; line = next()) {
                if (line == null) {
                    throw bad("it ends before its last line: the file was cut short");
                } else if (line.has("table")) {
                    table(line);
                } else if (line.has("sequences")) {
                    Map<String, Long> sequences = new TreeMap<>();
                    line.get("sequences")
                            .properties()
                            .forEach(e -> sequences.put(e.getKey(), e.getValue().asLong()));
                    sink.sequences(sequences);
                } else if (line.path("complete").asBoolean()) {
                    sink.finish();
                    return header;
                } else {
                    throw bad("line " + lineNumber + " is neither a table, sequences nor the end");
                }
            }
        }

        private void table(JsonNode start) throws Exception {
            String name = start.get("table").asText();
            List<String> columns = new ArrayList<>();
            start.path("columns").forEach(c -> columns.add(c.asText()));
            sink.table(new StoreCopy.TableStart(name, columns));
            TableDigest digest = new TableDigest();
            for (JsonNode line = next(); ; line = next()) {
                if (line == null) {
                    throw bad("it ends inside table " + name + ": the file was cut short");
                }
                if (line.isArray()) {
                    List<Object> values = values(line, columns.size(), name);
                    digest.add(values);
                    sink.row(values);
                    continue;
                }
                if (!name.equals(line.path("end").asText())) {
                    throw bad("line " + lineNumber + " should end table " + name);
                }
                var recorded = new StoreCopy.TableSummary(
                        line.path("rows").asLong(), line.path("checksum").asText());
                if (digest.rows() != recorded.rows() || !digest.checksum().equals(recorded.checksum())) {
                    throw bad("table " + name + " has " + digest.rows() + " rows with checksum " + digest.checksum()
                            + " but recorded " + recorded.rows() + " rows with checksum " + recorded.checksum()
                            + ": the file was altered or damaged");
                }
                sink.endTable(name, recorded);
                return;
            }
        }

        private List<Object> values(JsonNode row, int width, String table) {
            if (row.size() != width) {
                throw bad("line " + lineNumber + " (table " + table + ") has " + row.size() + " values for " + width
                        + " columns");
            }
            List<Object> values = new ArrayList<>(width);
            for (JsonNode v : row) {
                values.add(
                        v.isNull()
                                ? null
                                : v.isIntegralNumber()
                                        ? (Object) v.asLong()
                                        : v.isNumber()
                                                ? (Object) v.asDouble()
                                                : v.isObject()
                                                        ? Base64.getDecoder()
                                                                .decode(v.path("base64")
                                                                        .asText())
                                                        : v.asText());
            }
            return values;
        }

        private JsonNode next() throws IOException {
            String line = in.readLine();
            lineNumber++;
            try {
                return line == null ? null : JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw bad("line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
            }
        }

        private IllegalArgumentException bad(String why) {
            return new IllegalArgumentException("restore: " + file + " is not a usable backup: " + why);
        }
    }
}
