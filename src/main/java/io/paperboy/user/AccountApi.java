package io.paperboy.user;

import io.javalin.http.Context;
import io.paperboy.web.Member;
import io.paperboy.web.Visitor;
import java.util.Map;

/** {@code GET /api/whoami}: lets a script check its token before it votes or submits. */
public final class AccountApi {

    public static void whoami(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("name", member.name(), "displayName", member.displayName(), "role", member.role().key(),
                "verified", member.verified()));
    }
}
