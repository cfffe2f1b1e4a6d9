package io.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery guard for every state-changing request made with cookies: the
 * request must not come from another site (Fetch Metadata's {@code Sec-Fetch-Site} when the browser
 * sends it, else Origin, else Referer), and it must carry a token that is an HMAC of
 * the visitor's session (or, before sign-in, of an anonymous cookie). A forged page on another
 * site can neither read the token nor compute it; signing in changes the session and with it the
 * token (the "signed double-submit cookie" of OWASP's cheat sheet).
 */
public final class Csrf {
    /** The hidden form field that carries the token. */
    public static final String FIELD = "_csrf";
    /** The header that carries it for scripts and htmx. */
    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;
    private final String siteAuthority;

    public Csrf(byte[] key) {
        this(key, null);
    }

    /**
     * {@code site} (null: none configured) is accepted as an origin besides the request's Host, so a
     * reverse proxy that rewrites Host to its upstream does not turn every form into a refusal.
     */
    public Csrf(byte[] key, SiteUrl site) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.siteAuthority = site == null ? null : authority(site.base());
    }

    /** The token for a visitor identified by {@code binding} (a session or anonymous cookie value). */
    public String token(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("csrf:" + binding).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Refuses with 403 unless the request comes from this site and carries {@code binding}'s token. */
    public void verify(Context ctx, String binding) {
        refuseCrossSite(ctx);
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(FIELD);
        }
        if (sent == null || sent.isEmpty()) {
            throw new ForbiddenResponse("this form has no CSRF token: reload the page and try again");
        }
        if (binding == null
                || !MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), token(binding).getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("this form's CSRF token is stale or wrong: reload the page and try again");
        }
    }

    /*
     * Modern browsers say where a request comes from in Sec-Fetch-Site, whatever the page's referrer
     * policy: trust it when present. Without it, Origin, then Referer. "Origin: null" is what a
     * browser sends from a page whose policy is no-referrer (and from sandboxed or file pages); it
     * names no foreign site, so the HMAC token alone decides: no forger can read or compute it.
     */
    private void refuseCrossSite(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            if (!fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
                throw new ForbiddenResponse("cross-site request refused: the browser says it came from a " + fetchSite
                        + " page, not from this site");
            }
            return;
        }
        String origin = ctx.header("Origin");
        String source = origin != null ? origin : ctx.header("Referer");
        if (source == null || source.equals("null")) {
            return;
        }
        String from = authority(source);
        if (from == null || !(from.equalsIgnoreCase(ctx.host()) || from.equalsIgnoreCase(siteAuthority))) {
            throw new ForbiddenResponse("cross-site request refused: it came from " + source + ", not from this site");
        }
    }

    private static String authority(String url) {
        try {
            return URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
