package io.paperboy.webhook;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperboy.web.Form;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.Templates;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import io.paperboy.web.Visitor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /admin/webhooks} (the site's destinations, for admins) and {@code /settings/webhooks} (a
 * member's own): list, add, delete, resume, send a test, and each one's delivery log. Both pages
 * are the same page over a different owner; a destination of another owner is not found on either.
 */
public final class WebhookPages {
    static final String ADMIN_PATH = "/admin/webhooks";
    static final String SETTINGS_PATH = "/settings/webhooks";
    /** What the add form shows again after a problem; never the Matrix access token. */
    static final List<String> FIELDS = List.of(
            "kind", "name", "url", "dailyTop", "hour", "zone", "everyFeatured", "searches", "authors", "categories");
    /**
     * Destinations one member may have: each is an outgoing request per event, so a member cannot make
     * the site post for them without end; a lab's channel or three, with room to spare.
     */
    static final int MAX_PER_MEMBER = 10;
    /** Test messages per account per {@link #TEST_PERIOD_MINUTES} minutes: each one is an outgoing request made at once. */
    static final int TESTS_PER_ACCOUNT = 10;

    static final int TEST_PERIOD_MINUTES = 10;

    // Codes, not text, in the URL: a link cannot make the page say whatever its author likes.
    private static final Map<String, String> DONE = Map.of(
            "added", "Destination added: it gets its first papers when they are next due.",
            "deleted", "Destination deleted.",
            "resumed", "Destination resumed: what was waiting for it is sent on the next round.");

    /** Whose destinations a page manages: the site's (admins only) or the signed-in member's own. */
    public enum Scope {
        SITE(ADMIN_PATH, "Webhooks and chat channels", "Where the site pushes papers"),
        OWN(SETTINGS_PATH, "Your webhooks and chat channels", "Where Paperboy pushes papers for you");

        final String path;
        final String title;
        final String description;

        Scope(String path, String title, String description) {
            this.path = path;
            this.title = title;
            this.description = description;
        }
    }

    private final WebhookService webhooks;
    private final Throttle tests;

    public WebhookPages(WebhookService webhooks, Throttles throttles) {
        this.webhooks = webhooks;
        this.tests = throttles.of(
                "webhook-tests",
                "test messages from your account (" + TESTS_PER_ACCOUNT + " per " + TEST_PERIOD_MINUTES + " minutes)",
                TESTS_PER_ACCOUNT,
                Duration.ofMinutes(TEST_PERIOD_MINUTES));
    }

    /** GET the page of {@code scope}'s destinations (app.Routes names one line per scope and action). */
    public Handler show(Scope scope) {
        return ctx -> show(ctx, scope);
    }

    /** POST a new destination. */
    public Handler add(Scope scope) {
        return ctx -> add(ctx, scope);
    }

    /** POST …/{destination}/test. */
    public Handler sendTest(Scope scope) {
        return ctx -> sendTest(ctx, scope);
    }

    /** POST …/{destination}/resume. */
    public Handler resume(Scope scope) {
        return ctx -> resume(ctx, scope);
    }

    /** POST …/{destination}/delete. */
    public Handler delete(Scope scope) {
        return ctx -> delete(ctx, scope);
    }

    private void show(Context ctx, Scope scope) {
        Member member = viewer(ctx, scope);
        Form form = defaults();
        String done = ctx.queryParam("done");
        if (done != null && DONE.containsKey(done)) {
            form = new Form(form.values(), Map.of(), DONE.get(done));
        }
        render(ctx, scope, member, form, null, tested(ctx, scope, member), HttpStatus.OK);
    }

    private void add(Context ctx, Scope scope) {
        Member member = actor(ctx, scope);
        Long owner = owner(scope, member);
        Map<String, String> problems = DestinationInput.problems();
        DestinationInput input = DestinationInput.parse(raw(ctx), webhooks.guard(), problems);
        if (owner != null && webhooks.ownedBy(owner).size() >= MAX_PER_MEMBER) {
            problems.put(
                    "form",
                    "you have " + MAX_PER_MEMBER + " destinations, the most one account may have: "
                            + "delete one to add another");
        }
        if (input == null || !problems.isEmpty()) {
            render(
                    ctx,
                    scope,
                    member,
                    Form.typed(ctx, FIELDS).withProblems(problems),
                    null,
                    null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        WebhookService.Created created = webhooks.add(owner, input);
        if (created.secret() == null) {
            ctx.redirect(scope.path + "?done=added", HttpStatus.SEE_OTHER);
            return;
        }
        // A generic webhook's signing secret is shown this once, on this answer: never in a URL.
        render(ctx, scope, member, defaults(), created, null, HttpStatus.OK);
    }

    private void sendTest(Context ctx, Scope scope) {
        Member member = actor(ctx, scope);
        Destination d = owned(ctx, scope, member);
        tests.acquire(Long.toString(member.id()));
        webhooks.sendTest(d);
        ctx.redirect(scope.path + "?tested=" + d.id() + "#d-" + d.id(), HttpStatus.SEE_OTHER);
    }

    private void resume(Context ctx, Scope scope) {
        Member member = actor(ctx, scope);
        webhooks.resume(owned(ctx, scope, member).id());
        ctx.redirect(scope.path + "?done=resumed", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx, Scope scope) {
        Member member = actor(ctx, scope);
        webhooks.delete(owned(ctx, scope, member).id());
        ctx.redirect(scope.path + "?done=deleted", HttpStatus.SEE_OTHER);
    }

    /** Who may see the page: an admin for the site's, any member for their own. */
    private static Member viewer(Context ctx, Scope scope) {
        return scope == Scope.SITE ? Visitor.requireRole(ctx, Role.ADMIN) : Visitor.requireMember(ctx);
    }

    /**
     * Who may change it: the same, and for their own only a member whose address is confirmed. An
     * unconfirmed account may be an impostor's, made with someone else's address: it must leave
     * nothing behind (a destination posting on) when the real owner takes the address back by a reset.
     */
    private static Member actor(Context ctx, Scope scope) {
        return scope == Scope.SITE ? Visitor.requireRole(ctx, Role.ADMIN) : Visitor.requireVerified(ctx);
    }

    private static Long owner(Scope scope, Member member) {
        return scope == Scope.SITE ? null : member.id();
    }

    /** The destination named in the path, when it is this page's owner's; 404 otherwise (another's is not shown to exist). */
    private Destination owned(Context ctx, Scope scope, Member member) {
        String raw = ctx.pathParam("destination");
        Long owner = owner(scope, member);
        try {
            return webhooks.find(Long.parseLong(raw))
                    .filter(d -> Objects.equals(d.ownerId(), owner))
                    .orElseThrow(() -> notFound(scope, raw));
        } catch (NumberFormatException e) {
            throw notFound(scope, raw);
        }
    }

    private static NotFoundResponse notFound(Scope scope, String raw) {
        return new NotFoundResponse((scope == Scope.SITE ? "the site has" : "you have") + " no destination '" + raw
                + "': it may have been deleted; reload " + scope.path);
    }

    /** The test just sent ({@code ?tested=ID}): the newest line of that destination's log, when it is a test. */
    private WebhookViews.Tested tested(Context ctx, Scope scope, Member member) {
        String raw = ctx.queryParam("tested");
        if (raw == null) {
            return null;
        }
        Long owner = owner(scope, member);
        try {
            return webhooks.find(Long.parseLong(raw))
                    .filter(d -> Objects.equals(d.ownerId(), owner))
                    .flatMap(d -> webhooks.log(d.id()).stream()
                            .findFirst()
                            .filter(a -> a.eventKey().equals("test"))
                            .map(a -> new WebhookViews.Tested(d, a)))
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void render(
            Context ctx,
            Scope scope,
            Member member,
            Form form,
            WebhookService.Created created,
            WebhookViews.Tested tested,
            HttpStatus status) {
        Long owner = owner(scope, member);
        List<WebhookViews.Row> rows = webhooks.ownedBy(owner).stream()
                .map(d -> new WebhookViews.Row(d, WebhookViews.sends(d), webhooks.log(d.id())))
                .toList();
        String cannotAdd = scope == Scope.OWN && !member.verified()
                ? "Confirm your email address first: only confirmed accounts add destinations (settings can mail the link again)."
                : scope == Scope.OWN && rows.size() >= MAX_PER_MEMBER
                        ? "You have " + MAX_PER_MEMBER
                                + " destinations, the most one account may have: delete one to add another."
                        : null;
        Page page = Page.of(ctx, scope.title, scope.description, scope.path);
        ctx.status(status).header("Cache-Control", "no-store");
        Templates.page(
                ctx,
                "webhook/destinations.jte",
                new WebhookViews.DestinationsView(
                        page,
                        scope.path,
                        scope == Scope.SITE,
                        rows,
                        form,
                        cannotAdd,
                        created,
                        tested,
                        webhooks.guard().allowsPrivate()));
    }

    private static DestinationInput.Raw raw(Context ctx) {
        return new DestinationInput.Raw(
                ctx.formParam("kind"),
                ctx.formParam("name"),
                ctx.formParam("url"),
                ctx.formParam("token"),
                ctx.formParam("dailyTop"),
                ctx.formParam("hour"),
                ctx.formParam("zone"),
                ctx.formParam("everyFeatured"),
                ctx.formParam("searches"),
                ctx.formParam("authors"),
                ctx.formParam("categories"));
    }

    // No zone yet: the list starts at UTC, and app.js picks the browser's own zone when it can.
    private static Form defaults() {
        return new Form(Map.of("kind", Kind.SLACK.key(), "dailyTop", "5", "hour", "8", "zone", ""), Map.of(), null);
    }
}
