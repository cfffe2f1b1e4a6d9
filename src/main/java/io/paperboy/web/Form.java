package io.paperboy.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as shown again after a problem: what was typed (never passwords) and what is wrong
 * with each field, plus an optional notice for the whole form.
 */
public record Form(Map<String, String> values, Map<String, String> problems, String notice) {
    public static final Form EMPTY = new Form(Map.of(), Map.of(), null);

    public Form {
        values = Map.copyOf(values);
        problems = Map.copyOf(problems);
    }

    /** The submitted values of {@code fields}, to show again. */
    public static Form typed(Context ctx, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = ctx.formParam(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return new Form(values, Map.of(), null);
    }

    public static Form notice(String notice) {
        return new Form(Map.of(), Map.of(), notice);
    }

    public Form withProblems(Map<String, String> problems) {
        return new Form(values, problems, notice);
    }

    public Form withValue(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return new Form(copy, problems, notice);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The problem with {@code field}, or null. */
    public String problem(String field) {
        return problems.get(field);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
