package io.paperboy.mcp;

import io.paperboy.paper.PaperIds;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One tool call's arguments, read by name with the message an assistant needs when one is wrong:
 * which argument, what is accepted, what was sent. Clients send JSON, so numbers may arrive as
 * integers, doubles or strings; each accessor takes what means the same thing and refuses the rest.
 */
final class ToolArguments {
    private static final int MAX_SHOWN = 40;

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** A required string that is not blank. */
    String requiredText(String name) {
        String value = text(name);
        if (value == null) {
            throw new ToolError("argument '" + name + "' is required");
        }
        return value;
    }

    /** An optional string: null when absent or blank. */
    String text(String name) {
        Object raw = values.get(name);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String s)) {
            throw new ToolError("argument '" + name + "' must be a string, not " + shown(raw));
        }
        return s.isBlank() ? null : s.strip();
    }

    /** A paper id in any form the site accepts (2306.15794, arXiv:2306.15794v2, hep-th/9901001, pb-…). */
    String paperId(String name) {
        String raw = requiredText(name);
        try {
            return PaperIds.canonical(raw);
        } catch (IllegalArgumentException e) {
            throw new ToolError("argument '" + name + "' is not a paper id: " + e.getMessage());
        }
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    int whole(String name, int fallback, int min, int max) {
        Object raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        long value;
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            value = n.longValue();
        } else if (raw instanceof String s && s.strip().matches("-?\\d{1,10}")) {
            value = Long.parseLong(s.strip());
        } else {
            throw new ToolError("argument '" + name + "' must be a whole number between " + min + " and " + max
                    + ", not " + shown(raw));
        }
        if (value < min || value > max) {
            throw new ToolError("argument '" + name + "' must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    /** A boolean, or {@code fallback} when absent. */
    boolean flag(String name, boolean fallback) {
        Object raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new ToolError("argument '" + name + "' must be true or false, not " + shown(raw));
    }

    /** One of {@code allowed} (case does not matter), or {@code fallback} when absent. */
    String oneOf(String name, List<String> allowed, String fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new ToolError(
                    "argument '" + name + "' must be one of: " + String.join(", ", allowed) + "; not " + shown(value));
        }
        return lower;
    }

    /** Refuses arguments the tool does not know, so a misspelt name is not silently ignored. */
    void allowOnly(List<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new ToolError("unknown argument " + shown(name) + "; this tool takes: "
                        + (known.isEmpty() ? "no arguments" : String.join(", ", known)));
            }
        }
    }

    private static String shown(Object raw) {
        String text = raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    }
}
