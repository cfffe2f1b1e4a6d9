package io.paperboy.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Streams the records of one input to a sink, in constant memory, turning every bad record into
 * a {@link Problem} with its line and reason and carrying on with the next one.
 */
final class RecordReader {
    static final int MAX_LINE_BYTES = 16 << 20;

    /** Receives records and problems in input order. */
    interface Sink {
        void accept(ImportRecord record);

        void reject(Problem problem);
    }

    private final ObjectMapper json;
    private final LocalDate importDate;

    RecordReader(ObjectMapper json, LocalDate importDate) {
        this.json = json;
        this.importDate = importDate;
    }

    /** Reads every record after line {@code skipThrough} (0 reads all). */
    void read(InputFile input, SourceFormat format, long skipThrough, Sink sink) {
        RecordParser parser = parser(format);
        if (format.lineOriented()) {
            readLines(input, parser, skipThrough, sink);
        } else {
            readArray(input, parser, skipThrough, sink);
        }
    }

    private RecordParser parser(SourceFormat format) {
        return switch (format) {
            case ARXIV_SNAPSHOT -> new SnapshotParser();
            case HF_DAILY_PAPERS -> new HfDailyPapersParser();
            case PAPERBOY_EXPORT -> new ExportCodec(json);
            case SEED -> new SeedParser(importDate);
        };
    }

    private void readLines(InputFile input, RecordParser parser, long skipThrough, Sink sink) {
        Utf8LineReader lines = new Utf8LineReader(input.content(), MAX_LINE_BYTES);
        try {
            for (Utf8LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.number() > skipThrough) {
                    readLine(input.path(), parser, line, sink);
                }
            }
        } catch (IOException e) {
            sink.reject(new Problem(
                    input.path(),
                    lines.lineNumber() + 1,
                    InputFile.gzipProblem(e) + "; the records before this line were kept"));
        }
    }

    private void readLine(Path file, RecordParser parser, Utf8LineReader.Line line, Sink sink) {
        if (line.problem() != null) {
            sink.reject(new Problem(file, line.number(), line.problem()));
            return;
        }
        String text = line.number() == 1 && line.text().startsWith("\uFEFF")
                ? line.text().substring(1)
                : line.text();
        if (text.isBlank()) {
            return;
        }
        JsonNode record;
        try {
            record = json.readTree(text);
        } catch (JsonProcessingException e) {
            sink.reject(new Problem(
                    file,
                    line.number(),
                    "malformed JSON at column " + e.getLocation().getColumnNr() + ": " + JsonFields.describe(e)));
            return;
        }
        if (!record.isObject()) {
            sink.reject(new Problem(file, line.number(), "expected a JSON object, found " + JsonFields.kind(record)));
        } else if (!record.has(ExportCodec.HEADER_KEY)) {
            parse(file, parser, record, line.number(), sink);
        }
    }

    // A JSON array is one document: after a syntax error there is no next record to resync to,
    // so the records read so far are kept and the rest of the file is reported as unreadable.
    private void readArray(InputFile input, RecordParser parser, long skipThrough, Sink sink) {
        Path file = input.path();
        try (JsonParser p = json.getFactory().createParser(input.content())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                sink.reject(new Problem(file, line(p.currentTokenLocation()), "expected a JSON array of entries"));
                return;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                long line = line(p.currentTokenLocation());
                if (t == null) {
                    sink.reject(new Problem(file, line, "the JSON array is not closed (truncated file?)"));
                    return;
                }
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    sink.reject(new Problem(file, line, "expected an entry object, found " + t.asString()));
                    continue;
                }
                JsonNode entry = p.readValueAsTree();
                if (line > skipThrough) {
                    parse(file, parser, entry, line, sink);
                }
            }
        } catch (JsonProcessingException e) {
            sink.reject(new Problem(
                    file,
                    line(e.getLocation()),
                    "malformed JSON: " + JsonFields.describe(e)
                            + "; the entries before it were kept, the rest of the file cannot be read"));
        } catch (IOException e) {
            sink.reject(new Problem(file, 0, InputFile.gzipProblem(e) + "; the entries before it were kept"));
        }
    }

    private static void parse(Path file, RecordParser parser, JsonNode record, long line, Sink sink) {
        try {
            sink.accept(parser.parse(record, line));
        } catch (RecordException e) {
            sink.reject(new Problem(file, line, e.getMessage()));
        } catch (IllegalArgumentException e) {
            sink.reject(new Problem(file, line, "invalid record: " + e.getMessage()));
        }
    }

    private static long line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
