package io.paperboy.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Encodes a paper's list fields as the JSON and text the papers table stores. */
final class PaperColumns {
    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

    private PaperColumns() {}

    static String strings(List<String> values) {
        return write(values);
    }

    static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    static String spaced(List<String> values) {
        return String.join(" ", values);
    }

    static List<String> spaced(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    static String links(List<ArtifactLink> links) {
        List<Map<String, String>> rows = new ArrayList<>();
        links.forEach(l -> rows.add(Map.of("kind", l.kind().label(), "url", l.url())));
        return write(rows);
    }

    static List<ArtifactLink> links(String json) {
        List<ArtifactLink> links = new ArrayList<>();
        for (Map<String, Object> row : read(json, OBJECTS)) {
            links.add(new ArtifactLink(LinkKind.fromLabel((String) row.get("kind")), (String) row.get("url")));
        }
        return links;
    }

    static String versions(List<PaperVersion> versions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PaperVersion v : versions) {
            rows.add(
                    v.created() == null
                            ? Map.of("version", v.number())
                            : Map.of(
                                    "version",
                                    v.number(),
                                    "created",
                                    v.created().toString()));
        }
        return write(rows);
    }

    static List<PaperVersion> versions(String json) {
        List<PaperVersion> versions = new ArrayList<>();
        for (Map<String, Object> row : read(json, OBJECTS)) {
            Object created = row.get("created");
            versions.add(new PaperVersion(
                    ((Number) row.get("version")).intValue(),
                    created == null ? null : Instant.parse((String) created)));
        }
        return versions;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lists of strings and maps always serialise", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column in papers: " + e.getOriginalMessage(), e);
        }
    }
}
