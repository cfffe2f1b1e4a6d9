package io.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Error answers: JSON {@code {"error": …}} under /api and for feeds, an HTML page elsewhere.
 * The message is always one a user can act on; internals go to the log only.
 */
public final class Errors {
    private Errors() {}

    public static void respond(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            ctx.json(new ApiError(message));
        } else {
            Templates.page(
                    ctx,
                    "web/error.jte",
                    new ErrorPage(
                            Page.of(ctx, status.getCode() + " " + status.getMessage(), message, ctx.path()),
                            status.getCode(),
                            message));
        }
    }

    /** web/error.jte's model: the page (titled with the status), the status code and the message. */
    public record ErrorPage(Page page, int status, String message) {}

    /** Whether {@code ctx} is answered in JSON (the API, feeds' errors, health, MCP) rather than an HTML page. */
    public static boolean wantsJson(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.startsWith("/feeds/") || path.equals("/health") || path.equals("/mcp");
    }
}
