package io.paperboy.web;

import io.javalin.http.Context;

/**
 * Security and caching headers for every response. The Content-Security-Policy allows scripts
 * and styles from this server only (no inline code), so injected markup cannot run.
 */
public final class HttpPolicy {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private HttpPolicy() {}

    public static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
    }

    /** Pages and API answers change when papers are imported or voted on: short shared caching. */
    public static void shortCache(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60");
    }
}
