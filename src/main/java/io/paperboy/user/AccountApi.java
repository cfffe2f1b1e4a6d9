package io.paperboy.user;

import io.javalin.http.Context;
import io.paperboy.web.Member;
import io.paperboy.web.Visitor;

/** {@code GET /api/whoami}: lets a script check its token before it votes or submits. */
public final class AccountApi {

    public static void whoami(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new WhoAmI(member.name(), member.displayName(), member.role().key(), member.verified()));
    }

    /** The answer: who the token (or session) signs in, with the role's key ({@code member}, {@code curator}, {@code admin}). */
    public record WhoAmI(String name, String displayName, String role, boolean verified) {}
}
