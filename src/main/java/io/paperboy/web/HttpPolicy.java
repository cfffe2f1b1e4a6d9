package io.paperboy.web;

import io.javalin.http.Context;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Security and caching headers for every response. The Content-Security-Policy allows scripts
 * and styles from this server only (no inline code), so injected markup cannot run.
 */
public final class HttpPolicy {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    // Anonymous pages are public and cacheable; a member's carry their votes and CSRF token: Vary.
    // Any answer may be gzipped for a client that asks (PageCache, Javalin's compression), so a
    // shared cache must not hand it to one that does not: Accept-Encoding too.
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "X-Frame-Options", "DENY",
            "Vary", "Cookie, Authorization, Accept-Encoding");

    private HttpPolicy() {}

    public static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /**
     * The server's error handler, for the answers Jetty makes itself before any route runs (a
     * malformed URI: 400, a URI too long: 414, headers too large: 431): the same security headers,
     * and no stack trace or cause in the body.
     */
    public static ErrorHandler jettyErrorHandler() {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                SECURITY_HEADERS.forEach(response.getHeaders()::put);
                return super.handle(request, response, callback);
            }
        };
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        return handler;
    }

    /** After every route: nothing shown to a signed-in member may be kept by a shared cache. */
    public static void privateForMembers(Context ctx) {
        if (Visitor.of(ctx).signedIn()) {
            ctx.header("Cache-Control", "private, no-cache");
        }
    }

    /**
     * Where a form may send the browser back to: {@code path} when it is a path on this site,
     * else {@code fallback} (never another site: no open redirect).
     */
    public static String localPath(String path, String fallback) {
        boolean local = path != null
                && path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20);
        return local ? path : fallback;
    }

    /** Pages and API answers change when papers are imported or voted on: short shared caching. */
    public static void shortCache(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60");
    }
}
