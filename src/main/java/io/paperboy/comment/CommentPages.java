package io.paperboy.comment;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperIds;
import io.paperboy.paper.PaperLinks;
import io.paperboy.paper.PaperService;
import io.paperboy.web.Form;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.Templates;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import io.paperboy.web.Visitor;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Comment writes from paper pages. Each is a plain form post answered with a 303 back to the
 * comment (no JavaScript needed); htmx requests get the rendered comment instead, to put in place
 * without a reload. A form with a problem comes back with status 422 and what was typed: alone on
 * a page without JavaScript, in place of the form with htmx.
 */
public final class CommentPages {
    private final CommentService comments;
    private final PaperService papers;
    private final Function<Collection<String>, Map<String, String>> displayNames;
    // Enough for a lively discussion, too few for a flood: 20 posts or edits per 10 minutes per member.
    private final Throttle writes;

    /** {@code displayNames} finds members' display names by user name, in one read (from the user feature). */
    public CommentPages(
            CommentService comments,
            PaperService papers,
            Function<Collection<String>, Map<String, String>> displayNames,
            Throttles throttles) {
        this.comments = comments;
        this.papers = papers;
        this.displayNames = displayNames;
        this.writes = throttles.of("comment-account", "comments and edits", 20, Duration.ofMinutes(10));
    }

    public void hide(Context ctx) {
        hideComment(ctx, true);
    }

    public void unhide(Context ctx) {
        hideComment(ctx, false);
    }

    /** The comments part of {@code paper}'s page, as the visitor asking may see it. */
    public CommentSection section(Context ctx, String paperId) {
        Visitor visitor = Visitor.of(ctx);
        Discussion discussion = comments.discussion(paperId, visitor.member());
        return new CommentSection(
                paperId,
                named(discussion.threads()),
                discussion.visible(),
                visitor.member(),
                visitor.signedIn() ? visitor.csrfToken() : null);
    }

    // One lookup for all the authors on the page, not one per author.
    private List<CommentView> named(List<CommentView> threads) {
        List<String> authors =
                threads.stream().flatMap(CommentView::authors).distinct().toList();
        Map<String, String> names = authors.isEmpty() ? Map.of() : displayNames.apply(authors);
        return threads.stream().map(t -> t.named(names)).toList();
    }

    public void postComment(Context ctx) {
        Member member = Visitor.requireVerified(ctx);
        Paper paper = papers.find(PaperIds.fromPath(ctx.pathParam("id")))
                .orElseThrow(() -> new NotFoundResponse("no paper with id " + ctx.pathParam("id")));
        Long replyTo = optionalId(ctx.formParam("reply_to"), "reply_to");
        writes.acquire(Long.toString(member.id()));
        try {
            Comment comment = comments.post(member, paper.id(), replyTo, ctx.formParam("body"));
            answer(ctx, member, comment, CommentView.of(comment, member, List.of()));
        } catch (InvalidForm e) {
            Form typed = Form.typed(ctx, List.of("body")).withProblems(e.problems());
            CommentForm form = replyTo == null
                    ? CommentForm.forPaper(paper.id(), typed, csrf(ctx))
                    : CommentForm.replyTo(paper.id(), replyTo, threadOf(replyTo), typed, csrf(ctx));
            refuse(ctx, paper, form);
        }
    }

    public void editComment(Context ctx) {
        Member member = Visitor.requireVerified(ctx);
        long id = pathId(ctx);
        writes.acquire(Long.toString(member.id()));
        try {
            Comment comment = comments.edit(member, id, ctx.formParam("body"));
            answer(ctx, member, comment, null);
        } catch (InvalidForm e) {
            Comment comment = comments.find(id).orElseThrow();
            Paper paper = papers.find(comment.paperId()).orElseThrow();
            refuse(
                    ctx,
                    paper,
                    CommentForm.edit(id, Form.typed(ctx, List.of("body")).withProblems(e.problems()), csrf(ctx)));
        }
    }

    public void deleteComment(Context ctx) {
        Member member = Visitor.requireVerified(ctx);
        long id = pathId(ctx);
        writes.acquire(Long.toString(member.id()));
        Comment comment = comments.delete(member, id);
        answer(ctx, member, comment, null);
    }

    private void hideComment(Context ctx, boolean hide) {
        Member curator = Visitor.requireRole(ctx, Role.CURATOR);
        Comment comment = comments.setHidden(curator, pathId(ctx), hide);
        answer(ctx, curator, comment, null);
    }

    // htmx gets the comment as it now looks (nothing when it no longer shows) and, out of band, the
    // heading's new count and whether "No comments yet." shows; a browser goes back to the comment.
    // {@code posted}: a new comment, as it shows (null: as the paper's discussion now shows it). The
    // discussion is read once, and only when needed.
    private void answer(Context ctx, Member member, Comment comment, CommentView posted) {
        boolean htmx = isHtmx(ctx);
        Discussion now = htmx || posted == null ? comments.discussion(comment.paperId(), member) : null;
        Optional<CommentView> view = posted != null ? Optional.of(posted) : now.find(comment.id());
        if (htmx) {
            String html = view.map(v -> Templates.render(
                            "comment/comment.jte",
                            fragment(named(List.of(v)).getFirst(), csrf(ctx), member.verified())))
                    .orElse("");
            ctx.contentType("text/html; charset=utf-8")
                    .result(html + Templates.render("comment/heading.jte", Map.of("h", now.heading(), "oob", true)));
            return;
        }
        String anchor = view.isPresent() ? "#comment-" + comment.id() : "#comments";
        ctx.redirect("/papers/" + comment.paperId() + anchor, HttpStatus.SEE_OTHER);
    }

    private static void refuse(Context ctx, Paper paper, CommentForm form) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).header("Cache-Control", "no-store");
        if (isHtmx(ctx)) {
            ctx.contentType("text/html; charset=utf-8").result(Templates.render("comment/form.jte", Map.of("f", form)));
            return;
        }
        Page page = Page.of(ctx, "Your comment", "Your comment on " + paper.title(), PaperLinks.page(paper));
        Templates.page(ctx, "comment/form-page.jte", new FormPage(page, form, paper.title(), PaperLinks.page(paper)));
    }

    /** comment/form-page.jte's model: a refused comment's form on a page of its own (without JavaScript). */
    public record FormPage(Page page, CommentForm f, String paperTitle, String paperHref) {}

    private long threadOf(long commentId) {
        return comments.find(commentId)
                .map(c -> c.isReply() ? c.parentId() : c.id())
                .orElse(commentId);
    }

    private static Map<String, Object> fragment(CommentView view, String csrf, boolean canWrite) {
        Map<String, Object> params = new HashMap<>();
        params.put("c", view);
        params.put("csrf", csrf);
        params.put("canWrite", canWrite);
        return params;
    }

    private static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    private static String csrf(Context ctx) {
        return Visitor.of(ctx).csrfToken();
    }

    private static long pathId(Context ctx) {
        return optionalId(ctx.pathParam("id"), "comment id");
    }

    private static Long optionalId(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(what + " must be a comment number, not '" + abbreviate(raw) + "'");
        }
    }

    private static String abbreviate(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
