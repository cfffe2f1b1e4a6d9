package io.paperboy.vote;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.PaperIds;
import io.paperboy.web.ActionLimit;
import io.paperboy.web.Member;
import io.paperboy.web.Visitor;

/**
 * {@code POST /api/papers/{id}/upvote} and {@code DELETE} to take it back, for a verified member
 * signed in by session cookie (with the X-CSRF-Token header) or by API token. Answers the paper's
 * new count and whether the caller has upvoted it. Limited per account ({@link ActionLimit}, the
 * same bucket as the pages and MCP): 429 with Retry-After.
 */
public final class VoteApi {
    private final VoteService votes;
    private final ActionLimit limit;

    public VoteApi(VoteService votes, ActionLimit limit) {
        this.votes = votes;
        this.limit = limit;
    }

    public void upvote(Context ctx) {
        vote(ctx, true);
    }

    public void withdraw(Context ctx) {
        vote(ctx, false);
    }

    private void vote(Context ctx, boolean up) {
        limit.acquire(ctx); // shared with the API and MCP: 429 with Retry-After
        Member member = Visitor.requireVerified(ctx);
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        VoteState state = (up ? votes.upvote(member.id(), id) : votes.removeUpvote(member.id(), id))
                .orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new Answer(id, state.upvotes(), state.upvoted()));
    }

    /** The answer: {@code {"id": "2401.12345", "upvotes": 12, "upvoted": true}}. */
    public record Answer(String id, int upvotes, boolean upvoted) {}
}
