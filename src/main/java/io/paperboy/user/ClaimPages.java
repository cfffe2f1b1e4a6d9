package io.paperboy.user;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.web.Member;
import io.paperboy.web.Visitor;

/**
 * {@code POST /claims}: the paper page's "Are you an author?" form. A refused claim answers 422
 * with the reason (already claimed, not an author of this paper); a claim sent goes to the
 * member's profile, where it waits for a curator.
 */
public final class ClaimPages {
    private final Claims claims;

    public ClaimPages(Claims claims) {
        this.claims = claims;
    }

    public void claim(Context ctx) {
        Member member = Visitor.requireVerified(ctx);
        claims.claim(member, ctx.formParam("paper"), ctx.formParam("author"));
        ctx.redirect("/u/" + member.name() + "?claim=sent", HttpStatus.SEE_OTHER);
    }
}
