package io.paperboy.user;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.paperboy.web.Csrf;
import io.paperboy.web.Member;
import io.paperboy.web.Secrets;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.Visitor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every route: finds who is asking (a session cookie, or a personal API token in
 * {@code Authorization: Bearer}) and refuses state-changing requests made with cookies that lack
 * this visitor's CSRF token. Requests with an API token need no CSRF token: no other site can make
 * a browser send that header.
 */
public final class AuthFilter {
    static final String SESSION_COOKIE = "pb_session";
    static final String ANONYMOUS_COOKIE = "pb_anon";
    private static final int SESSION_MAX_AGE = (int) AccountService.SESSION_TTL.toSeconds();
    private static final int ANONYMOUS_MAX_AGE = 60 * 60 * 24;
    private static final Set<HandlerType> STATE_CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final AccountService accounts;
    private final Csrf csrf;
    private final boolean secureCookies;
    private final List<String> csrfExempt;

    /**
     * {@code csrfExempt} lists path prefixes whose POSTs carry their own secret instead (one-click
     * unsubscribe links, which mail clients post without any page).
     */
    public AuthFilter(AccountService accounts, Csrf csrf, SiteUrl site, List<String> csrfExempt) {
        this.accounts = accounts;
        this.csrf = csrf;
        this.secureCookies = site.https();
        this.csrfExempt = List.copyOf(csrfExempt);
    }

    /** Register before any other before-handler that asks {@link Visitor#of}. */
    public void register(JavalinConfig config) {
        config.routes.before(this::identify);
    }

    private void identify(Context ctx) {
        String bearer = bearer(ctx);
        if (bearer != null) {
            Member member = accounts.apiToken(bearer)
                    .orElseThrow(
                            () -> new UnauthorizedResponse(
                                    "unknown or revoked API token: create a new one in settings, or send the request without it"));
            Visitor.set(ctx, new Visitor(member, null));
            return;
        }
        String sessionId = ctx.cookie(SESSION_COOKIE);
        Optional<Member> member = sessionId == null ? Optional.empty() : accounts.session(sessionId);
        if (sessionId != null && member.isEmpty()) {
            clear(ctx, SESSION_COOKIE);
        }
        String binding = member.isPresent() ? sessionId : ctx.cookie(ANONYMOUS_COOKIE);
        // An API call without a session carries no credentials a forger could borrow; the route's
        // guard answers it 401 ("sign in first"), which says more than a 403 about a CSRF token.
        boolean anonymousApi = member.isEmpty() && ctx.path().startsWith("/api/");
        // Who is asking is known before the check, so a refusal's page still shows the member signed in.
        Visitor.set(ctx, new Visitor(member.orElse(null), binding == null ? null : csrf.token(binding)));
        if (STATE_CHANGING.contains(ctx.method())
                && !anonymousApi
                && csrfExempt.stream().noneMatch(ctx.path()::startsWith)) {
            csrf.verify(ctx, binding);
        }
    }

    /** The API token in {@code Authorization: Bearer …}, or null when the request carries none. */
    public static String bearer(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
    }

    /**
     * The CSRF token for a form shown to someone not signed in (sign-up, login, reset), setting
     * the anonymous cookie it is bound to when there is none yet. Public for other features'
     * forms shown to visitors (the digest's subscribe page); such pages must stay out of the page cache.
     */
    public String anonymousToken(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        if (visitor.csrfToken() != null) {
            return visitor.csrfToken();
        }
        String binding = Secrets.token();
        ctx.cookie(cookie(ANONYMOUS_COOKIE, binding, ANONYMOUS_MAX_AGE));
        String token = csrf.token(binding);
        Visitor.set(ctx, new Visitor(null, token));
        return token;
    }

    /** Starts the session {@code sessionId} in this browser, replacing any it had. */
    void signIn(Context ctx, String sessionId) {
        String previous = ctx.cookie(SESSION_COOKIE);
        if (previous != null) {
            accounts.logout(previous);
        }
        ctx.cookie(cookie(SESSION_COOKIE, sessionId, SESSION_MAX_AGE));
        clear(ctx, ANONYMOUS_COOKIE);
    }

    void signOut(Context ctx) {
        String sessionId = ctx.cookie(SESSION_COOKIE);
        if (sessionId != null) {
            accounts.logout(sessionId);
        }
        clear(ctx, SESSION_COOKIE);
    }

    private void clear(Context ctx, String name) {
        ctx.cookie(cookie(name, "", 0));
    }

    // HttpOnly: scripts never see it; SameSite=Lax: other sites' forms and fetches do not carry it;
    // Secure whenever the site is served over https.
    private Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, secureCookies, true, null, SameSite.LAX);
    }
}
