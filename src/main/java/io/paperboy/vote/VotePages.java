package io.paperboy.vote;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.PaperIds;
import io.paperboy.web.ActionLimit;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Member;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;
import java.util.Map;

/**
 * The upvote button's routes for browsers: htmx posts (or deletes) and swaps in the button's new
 * state; without JavaScript the form posts {@code action=upvote|remove} and is sent back to the
 * page it came from (303). Votes are limited per account ({@link ActionLimit}): past the limit, a
 * 429 page says when to try again, or with htmx the page's flash region does.
 */
public final class VotePages {
    private final VoteService votes;
    private final ActionLimit limit;

    public VotePages(VoteService votes, ActionLimit limit) {
        this.votes = votes;
        this.limit = limit;
    }

    public void withdraw(Context ctx) {
        vote(ctx, false);
    }

    public void postVote(Context ctx) {
        String action = ctx.formParam("action");
        if (action == null || action.isBlank() || action.equals("upvote")) {
            vote(ctx, true);
        } else if (action.equals("remove")) {
            vote(ctx, false);
        } else {
            // The buttons' own value, never typed: a malformed request (400), not a form refused for its content.
            throw new io.javalin.http.BadRequestResponse("action: must be upvote or remove");
        }
    }

    private void vote(Context ctx, boolean up) {
        limit.acquire(ctx); // shared with the API and MCP: a 429 page, or htmx's flash
        Member member = Visitor.requireVerified(ctx);
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        VoteState state = (up ? votes.upvote(member.id(), id) : votes.removeUpvote(member.id(), id))
                .orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        String back = back(ctx, id);
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.contentType("text/html; charset=utf-8")
                    .result(button(
                            id,
                            state.upvotes(),
                            state.upvoted(),
                            Visitor.of(ctx).csrfToken(),
                            back));
        } else {
            ctx.redirect(back, HttpStatus.SEE_OTHER);
        }
    }

    /** The button as the partial renders it; {@code csrf} null or empty shows anonymous visitors a login link. */
    public static String button(String paperId, int count, boolean upvoted, String csrf, String back) {
        return Templates.render(
                "vote/button.jte",
                Map.of(
                        "paperId",
                        paperId,
                        "count",
                        count,
                        "upvoted",
                        upvoted,
                        "csrf",
                        csrf == null ? "" : csrf,
                        "back",
                        back));
    }

    // Only a path on this site: the form's own field, else the paper page (never an open redirect).
    private static String back(Context ctx, String paperId) {
        return HttpPolicy.localPath(ctx.formParam("back"), "/papers/" + paperId);
    }
}
