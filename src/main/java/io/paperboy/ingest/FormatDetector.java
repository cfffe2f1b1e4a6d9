package io.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises an input's format from its first bytes: a JSON array is Hugging Face's
 * daily_papers response; JSON lines are told apart by the keys of the first readable record.
 */
final class FormatDetector {
    private static final int PEEK_BYTES = 1 << 18;
    private static final int LINES_TRIED = 5;

    private final ObjectMapper json;

    FormatDetector(ObjectMapper json) {
        this.json = json;
    }

    SourceFormat detect(BufferedInputStream content) throws IOException, InputFile.InputException {
        String head = peek(content);
        String trimmed = head.stripLeading();
        if (trimmed.isEmpty()) {
            throw new InputFile.InputException("the file holds only whitespace");
        }
        if (trimmed.charAt(0) == '[') {
            return SourceFormat.HF_DAILY_PAPERS;
        }
        if (trimmed.charAt(0) != '{') {
            throw new InputFile.InputException("not JSON: expected '{' (JSON lines) or '[' (a JSON array), found '"
                    + printable(trimmed.charAt(0)) + "'");
        }
        return fromFirstRecords(trimmed);
    }

    private SourceFormat fromFirstRecords(String head) throws InputFile.InputException {
        String[] lines = head.split("\n", LINES_TRIED + 1);
        List<String> seenKeys = new ArrayList<>();
        for (int i = 0; i < Math.min(lines.length, LINES_TRIED); i++) {
            JsonNode record = parseOrNull(lines[i]);
            if (record == null || !record.isObject()) {
                continue;
            }
            SourceFormat format = byKeys(record);
            if (format != null) {
                return format;
            }
            record.fieldNames().forEachRemaining(k -> {
                if (seenKeys.size() < 12 && !seenKeys.contains(k)) {
                    seenKeys.add(k);
                }
            });
        }
        throw new InputFile.InputException("cannot tell the format: expected an arXiv snapshot, Hugging Face "
                + "daily_papers JSON, a Paperboy export or seed papers"
                + (seenKeys.isEmpty()
                        ? " (no readable JSON record in the first lines)"
                        : " (first records have keys " + seenKeys + ")"));
    }

    private static SourceFormat byKeys(JsonNode r) {
        if (r.has(ExportCodec.HEADER_KEY)) {
            return SourceFormat.PAPERBOY_EXPORT;
        }
        if (r.has("id") && (r.has("authors_parsed") || r.has("update_date") || r.has("versions"))) {
            return SourceFormat.ARXIV_SNAPSHOT;
        }
        if (r.has("arxiv_id") && r.has("title")) {
            return SourceFormat.SEED;
        }
        return null;
    }

    private JsonNode parseOrNull(String line) {
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    // A truncated gzip fails while peeking; detection uses what could be read, and the reader
    // reports the cut at its line later.
    private static String peek(BufferedInputStream content) throws IOException {
        content.mark(PEEK_BYTES);
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n;
                    head.size() < PEEK_BYTES
                            && (n = content.read(chunk, 0, Math.min(chunk.length, PEEK_BYTES - head.size()))) > 0; ) {
                head.write(chunk, 0, n);
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            if (head.size() == 0) {
                throw e;
            }
        }
        content.reset();
        byte[] bytes = head.toByteArray();
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
