package io.paperboy.mcp;

import io.paperboy.web.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tool the MCP endpoint offers: its name, what it does, its arguments as JSON Schema
 * properties, whether it only reads, and what it answers (Markdown) for a call.
 *
 * @param arguments JSON Schema of each argument, by name, in the order an assistant should read them
 * @param required the arguments a call must give
 */
record McpTool(
        String name,
        String title,
        String description,
        Map<String, Object> arguments,
        List<String> required,
        boolean readOnly,
        Handler handler) {

    /** Runs one call for {@code caller}. */
    @FunctionalInterface
    interface Handler {
        String call(ToolArguments arguments, Caller caller);
    }

    /** Who calls: {@code member} is who the API token names, or null when the call carries none; {@code address} is the client's. */
    record Caller(Member member, String address) {}

    // Schemas keep their keys in the order written (not Map.of's, which changes from one start to
    // the next), so tools/list answers the same bytes on every node and after every restart.
    static Map<String, Object> text(String description) {
        return ordered("type", "string", "description", description);
    }

    static Map<String, Object> whole(String description, int min, int max, int fallback) {
        return ordered(
                "type",
                "integer",
                "description",
                description + " (default " + fallback + ")",
                "minimum",
                min,
                "maximum",
                max);
    }

    static Map<String, Object> flag(String description) {
        return ordered("type", "boolean", "description", description);
    }

    static Map<String, Object> choice(String description, List<String> values) {
        return ordered("type", "string", "description", description, "enum", values);
    }

    /** The arguments in the order given: name, schema, name, schema, … */
    static Map<String, Object> arguments(Object... nameThenSchema) {
        return ordered(nameThenSchema);
    }

    private static Map<String, Object> ordered(Object... keyThenValue) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyThenValue.length; i += 2) {
            out.put((String) keyThenValue[i], keyThenValue[i + 1]);
        }
        return out;
    }
}
