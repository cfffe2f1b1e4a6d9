package io.paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.TexText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of the fields of a JSON record, failing with the field's name and the reason. */
final class JsonFields {
    private JsonFields() {}

    /** The field's text, trimmed; null when absent, JSON null or blank. */
    static String text(JsonNode record, String field) throws RecordException {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw RecordException.field(field, "expected a string, found " + kind(value));
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static String required(JsonNode record, String field) throws RecordException {
        String text = text(record, field);
        if (text == null) {
            throw RecordException.field(field, "missing or empty");
        }
        return text;
    }

    static String title(JsonNode record, String field) throws RecordException {
        String title = TexText.collapseWhitespace(required(record, field));
        if (title.isEmpty()) {
            throw RecordException.field(field, "missing or empty");
        }
        return title;
    }

    static ArxivId arxivId(JsonNode record, String field) throws RecordException {
        String raw = required(record, field);
        try {
            return ArxivId.parse(raw);
        } catch (IllegalArgumentException e) {
            throw RecordException.field(field, e.getMessage());
        }
    }

    static LocalDate date(JsonNode record, String field) throws RecordException {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw RecordException.field(field, "not a date (YYYY-MM-DD): '" + text + "'");
        }
    }

    /** An ISO-8601 instant such as {@code 2026-06-12T00:00:00.000Z}, as a UTC date. */
    static LocalDate instantDate(JsonNode record, String field) throws RecordException {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw RecordException.field(field, "not an ISO-8601 time: '" + text + "'");
        }
    }

    static List<String> strings(JsonNode record, String field) throws RecordException {
        JsonNode value = record.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw RecordException.field(field, "expected a list of strings, found " + kind(value));
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw RecordException.field(field, "expected a list of strings, found an item that is " + kind(item));
            }
            String text = TexText.collapseWhitespace(item.asText());
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    static int nonNegativeInt(JsonNode record, String field) throws RecordException {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw RecordException.field(field, "expected a whole number >= 0, found " + value);
        }
        return value.asInt();
    }

    static JsonNode object(JsonNode record, String field) throws RecordException {
        JsonNode value = record.get(field);
        if (value == null || !value.isObject()) {
            throw RecordException.field(field, value == null ? "missing" : "expected an object, found " + kind(value));
        }
        return value;
    }

    /** Jackson's reason without its parser-internal location details. */
    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (start marker at");
        message = cut >= 0 ? message.substring(0, cut) : message;
        cut = message.indexOf("\n at [Source");
        return cut >= 0 ? message.substring(0, cut) : message;
    }

    static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
