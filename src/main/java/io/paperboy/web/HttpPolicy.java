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
        // Anonymous pages are public and cacheable; a member's carry their votes and CSRF token.
        ctx.header("Vary", "Cookie, Authorization");
    }

    /** After every route: nothing shown to a signed-in member may be kept by a shared cache. */
    public static void privateForMembers(Context ctx) {
        if (Visitor.of(ctx).signedIn()) {
            ctx.header("Cache-Control", "private, no-cache");
        }
    }

    /** Pages and API answers change when papers are imported or voted on: short shared caching. */
    public static void shortCache(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60");
    }
}
