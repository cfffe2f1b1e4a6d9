package io.paperboy.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson mapper: every JSON Paperboy writes or reads goes through it (the API through
 * Javalin's {@code ctx.json}, feeds, MCP, webhooks, the store's JSON columns, backups and exports,
 * and what ingest, GitHub and the Hub answer). Its settings are Jackson's defaults, which the API's
 * shape was built on, plus {@code java.time} types as ISO-8601 text ({@code "2026-12-06"},
 * {@code "2026-12-06T05:30:00Z"}), never as numbers. Nulls are written ({@code "githubRepo": null}, as
 * Hugging Face's paper API writes them); a field that is absent when empty says so on its record
 * with {@code @JsonInclude(NON_NULL)}. Unknown properties fail a typed read (only our own records are
 * read by type; outside answers are read as trees). {@code ArchitectureTest} refuses a second mapper.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {}

    /** The mapper; shared and thread-safe, and never to be reconfigured (configure it here, once). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "json: unable to write a " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as UTF-8 JSON bytes (what webhooks sign and send). */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "json: unable to write a " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
