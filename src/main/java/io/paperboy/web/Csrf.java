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
 * request's Origin (or Referer) must be this site, and it must carry a token that is an HMAC of
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

    public Csrf(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
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
        if (binding == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token(binding).getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("this form's CSRF token is stale or wrong: reload the page and try again");
        }
    }

    // Browsers send Origin on every cross-site POST; Referer is the fallback for those that don't.
    private static void refuseCrossSite(Context ctx) {
        String origin = ctx.header("Origin");
        String source = origin != null ? origin : ctx.header("Referer");
        if (source == null) {
            return;
        }
        String host = authority(source);
        if (host == null || !host.equalsIgnoreCase(ctx.host())) {
            throw new ForbiddenResponse("cross-site request refused: it came from " + source
                    + ", not from this site");
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
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
