package io.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;

/**
 * Who is asking: a signed-in member or nobody, and the CSRF token their forms must carry. Set on
 * every request by the user feature's filter before any route runs; routes ask it, never cookies.
 */
public record Visitor(Member member, String csrfToken) {
    private static final String ATTRIBUTE = "paperboy.visitor";
    public static final Visitor ANONYMOUS = new Visitor(null, null);

    public boolean signedIn() {
        return member != null;
    }

    public boolean hasRole(Role role) {
        return member != null && member.role().atLeast(role);
    }

    public static Visitor of(Context ctx) {
        Visitor visitor = ctx.attribute(ATTRIBUTE);
        return visitor == null ? ANONYMOUS : visitor;
    }

    public static void set(Context ctx, Visitor visitor) {
        ctx.attribute(ATTRIBUTE, visitor);
    }

    /** The signed-in member; anyone else gets a 401 (a redirect to the login page for browsers). */
    public static Member requireMember(Context ctx) {
        Visitor visitor = of(ctx);
        if (!visitor.signedIn()) {
            throw new UnauthorizedResponse("sign in first");
        }
        return visitor.member();
    }

    /** A member whose email address is confirmed: only they submit, vote and comment. */
    public static Member requireVerified(Context ctx) {
        Member member = requireMember(ctx);
        if (!member.verified()) {
            throw new ForbiddenResponse("confirm your email address first: follow the link we mailed you "
                    + "(settings can send it again)");
        }
        return member;
    }

    /** A member with at least {@code role}; others get a 403 naming the role needed. */
    public static Member requireRole(Context ctx, Role role) {
        Member member = requireMember(ctx);
        if (!member.role().atLeast(role)) {
            throw new ForbiddenResponse("this needs the " + role.key() + " role");
        }
        return member;
    }
}
