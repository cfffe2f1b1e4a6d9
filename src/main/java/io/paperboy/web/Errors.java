package io.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * Error answers: JSON {@code {"error": …}} under /api and for feeds, an HTML page elsewhere.
 * The message is always one a user can act on; internals go to the log only.
 */
public final class Errors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Errors() {}

    public static void respond(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            ctx.contentType("application/json").result(JSON.createObjectNode().put("error", message).toString());
        } else {
            ctx.contentType("text/html; charset=utf-8").result(Templates.render("web/error.jte", Map.of(
                    "page", Page.of(ctx, status.getCode() + " " + status.getMessage(), message, ctx.path()),
                    "status", status.getCode(),
                    "message", message)));
        }
    }

    /** Whether {@code ctx} is answered in JSON (the API, feeds' errors, health, MCP) rather than an HTML page. */
    public static boolean wantsJson(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.startsWith("/feeds/") || path.equals("/health") || path.equals("/mcp");
    }
}
