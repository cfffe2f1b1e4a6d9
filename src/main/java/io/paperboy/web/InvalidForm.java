package io.paperboy.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that cannot be accepted, field by field ("email" → "already has an account"). Pages show
 * each message beside its field and keep what was typed; the JSON API answers 400 with them.
 */
public final class InvalidForm extends RuntimeException {
    private final Map<String, String> problems;

    public InvalidForm(Map<String, String> problems) {
        super(String.join(
                "; ",
                problems.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .toList()));
        this.problems = Map.copyOf(new LinkedHashMap<>(problems));
    }

    public static InvalidForm of(String field, String problem) {
        return new InvalidForm(Map.of(field, problem));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
