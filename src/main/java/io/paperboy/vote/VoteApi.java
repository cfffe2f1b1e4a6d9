package io.paperboy.vote;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.PaperIds;
import io.paperboy.web.Member;
import io.paperboy.web.Visitor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/papers/{id}/upvote} and {@code DELETE} to take it back, for a verified member
 * signed in by session cookie (with the X-CSRF-Token header) or by API token. Answers the paper's
 * new count and whether the caller has upvoted it.
 */
public final class VoteApi {
    private final VoteService votes;

    public VoteApi(VoteService votes) {
        this.votes = votes;
    }

    public void register(JavalinConfig config) {
        config.routes.post("/api/papers/<id>/upvote", ctx -> vote(ctx, true));
        config.routes.delete("/api/papers/<id>/upvote", ctx -> vote(ctx, false));
    }

    private void vote(Context ctx, boolean up) {
        Member member = Visitor.requireVerified(ctx);
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        VoteState state = (up ? votes.upvote(member.id(), id) : votes.removeUpvote(member.id(), id))
                .orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("upvotes", state.upvotes());
        body.put("upvoted", state.upvoted());
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(body);
    }
}
