package io.paperboy.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.json.Json;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import io.paperboy.web.Form;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.Templates;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import io.paperboy.web.Visitor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code /submit} (the form), {@code /submit/again} (a curator features a new version again) and
 * {@code POST /api/papers/submit} (the same for scripts with an API token).
 */
public final class SubmitPages {
    /** Submissions per member per day: plenty for a person, few enough to stop a runaway script. */
    public static final int SUBMISSIONS_PER_DAY = 10;

    private final Submissions submissions;
    private final Throttle throttle;
    private final ObjectMapper json = Json.mapper();

    /**
     * The paper page's "feature a new version again" button, for curators, when the service would
     * accept it (featured before today, a newer version known); otherwise nothing.
     */
    public gg.jte.Content featureAgainButton(Context ctx, Paper paper, List<ListingEntry> entries) {
        Visitor visitor = Visitor.of(ctx);
        if (!visitor.hasRole(Role.CURATOR)
                || visitor.csrfToken() == null
                || !submissions.canFeatureAgain(paper, entries)) {
            return output -> {};
        }
        return Templates.fragment(
                "listing/feature-again.jte", java.util.Map.of("paperId", paper.id(), "csrf", visitor.csrfToken()));
    }

    public SubmitPages(Submissions submissions, Throttles throttles) {
        this.submissions = submissions;
        this.throttle =
                throttles.of("submit-account", "submissions for this account", SUBMISSIONS_PER_DAY, Duration.ofDays(1));
    }

    public void showForm(Context ctx) {
        Visitor.requireMember(ctx);
        String typed = ctx.queryParam(SubmissionInput.FIELD);
        Form form = typed == null ? Form.EMPTY : Form.EMPTY.withValue(SubmissionInput.FIELD, typed);
        render(ctx, HttpStatus.OK, form, null);
    }

    public void submitPaper(Context ctx) {
        Member member = Visitor.requireVerified(ctx);
        Form typed = Form.typed(ctx, List.of(SubmissionInput.FIELD));
        try {
            ArxivId id = SubmissionInput.parse(ctx.formParam(SubmissionInput.FIELD));
            throttle.acquire(member.name());
            Submissions.Submitted done = submitCounted(member, id);
            ctx.redirect(
                    Period.day(done.entry().day()).path() + "?" + ListingPages.SUBMITTED + "="
                            + done.paper().id(),
                    HttpStatus.SEE_OTHER);
        } catch (InvalidForm e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, typed.withProblems(e.problems()), null);
        } catch (SubmissionRefused e) {
            render(ctx, HttpStatus.forStatus(e.reason().status()), typed, e);
        }
    }

    private Submissions.Submitted submitCounted(Member member, ArxivId id) {
        try {
            return submissions.submit(member, id);
        } catch (SubmissionRefused e) {
            if (waitedInLine(e)) {
                throttle.giveBack(member.name());
            }
            throw e;
        }
    }

    public void featureAgain(Context ctx) {
        Member curator = Visitor.requireRole(ctx, Role.CURATOR);
        Form typed = Form.typed(ctx, List.of(SubmissionInput.FIELD));
        try {
            Submissions.Submitted done =
                    submissions.featureAgain(curator, SubmissionInput.parse(ctx.formParam(SubmissionInput.FIELD)));
            ctx.redirect(
                    Period.day(done.entry().day()).path() + "?" + ListingPages.SUBMITTED + "="
                            + done.paper().id(),
                    HttpStatus.SEE_OTHER);
        } catch (InvalidForm e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, typed.withProblems(e.problems()), null);
        } catch (SubmissionRefused e) {
            render(ctx, HttpStatus.forStatus(e.reason().status()), typed, e);
        }
    }

    /** JSON {@code {"arxiv": "2401.12345"}} (or the form field); {@code "again": true} is a curator's feature-again. */
    public void submitByApi(Context ctx) {
        Member member = Visitor.requireVerified(ctx);
        JsonNode body = body(ctx);
        String raw = body.path(SubmissionInput.FIELD).isTextual()
                ? body.get(SubmissionInput.FIELD).asText()
                : ctx.formParam(SubmissionInput.FIELD);
        ArxivId id = SubmissionInput.parse(raw);
        try {
            Submissions.Submitted done;
            if (body.path("again").asBoolean(false)) {
                done = submissions.featureAgain(Visitor.requireRole(ctx, Role.CURATOR), id);
            } else {
                throttle.acquire(member.name());
                done = submitCounted(member, id);
            }
            ctx.status(HttpStatus.CREATED)
                    .json(SubmittedEntry.of(done.entry(), done.paper().title()));
        } catch (SubmissionRefused e) {
            if (waitedInLine(e)) {
                LookupQueue.Wait line = submissions.arxivLine();
                ctx.header(
                        "Retry-After",
                        Long.toString(
                                Math.max(1, line.expected().plus(line.pace()).toSeconds())));
            }
            ctx.status(e.reason().status())
                    .json(new SubmittedEntry.Refusal(
                            e.getMessage(),
                            e.reason().name(),
                            e.featured() == null ? null : SubmittedEntry.of(e.featured(), null)));
        }
    }

    private JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/json")) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("the body must be a JSON object like {\"arxiv\": \"2401.12345\"}");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequestResponse("the body is not valid JSON; send {\"arxiv\": \"2401.12345\"}");
        }
    }

    private void render(Context ctx, HttpStatus status, Form form, SubmissionRefused refused) {
        Page page = Page.of(ctx, "Submit a paper", "Feature an arXiv paper on today's list", "/submit");
        LookupQueue.Wait line = submissions.arxivLine();
        if (refused != null && waitedInLine(refused)) {
            ctx.header(
                    "Retry-After",
                    Long.toString(Math.max(1, line.expected().plus(line.pace()).toSeconds())));
        }
        ctx.status(status);
        Templates.page(
                ctx,
                "listing/submit.jte",
                new SubmitView(page, form, refused, Visitor.of(ctx).hasRole(Role.CURATOR), line));
    }

    // Refused before arXiv was asked: the line was full. Such a try is no submission of the day.
    private static boolean waitedInLine(SubmissionRefused refused) {
        return refused.reason().beforeArxiv();
    }
}
