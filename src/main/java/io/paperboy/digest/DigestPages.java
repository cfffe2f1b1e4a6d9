package io.paperboy.digest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.mail.Mailbox;
import io.paperboy.web.Form;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.MailLimits;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import io.paperboy.web.Visitor;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * {@code /subscribe} (with its confirmation link), {@code /unsubscribe/{token}},
 * {@code /settings/digest} and {@code /digest/preview}. None of them is in the page cache: the
 * subscribe form carries a per-visitor CSRF token, which is why it lives here and not in the
 * footer of every (cached) page.
 */
public final class DigestPages {
    static final List<String> FIELDS =
            List.of("email", "frequency", "hour", "zone", "searches", "authors", "categories");
    private static final String CHECK_MAIL = "If that address can get the digest, a mail is on its way to it: "
            + "open the link in it to confirm. Nothing is sent before you do.";

    private final SubscriptionService subscriptions;
    private final DigestService digests;
    private final Function<Context, String> anonymousCsrf;
    private final LongFunction<String> memberEmail;
    private final Clock clock;
    // Subscribe requests mail someone: limited per client address and per mailbox asked for, and with
    // every other mail a visitor can ask for.
    private final Throttle perEmail;
    private final Throttle perClient;
    private final MailLimits mail;

    /**
     * {@code anonymousCsrf} gives the CSRF token for a form shown to someone not signed in;
     * {@code memberEmail} the account address of a member.
     */
    public DigestPages(
            SubscriptionService subscriptions,
            DigestService digests,
            Function<Context, String> anonymousCsrf,
            LongFunction<String> memberEmail,
            Clock clock,
            Throttles throttles,
            MailLimits mail) {
        this.subscriptions = subscriptions;
        this.perEmail =
                throttles.of("subscribe-mailbox", "subscribe requests for this address", 3, Duration.ofHours(1));
        this.perClient =
                throttles.of("subscribe-client", "subscribe requests from your address", 20, Duration.ofHours(1));
        this.mail = mail;
        this.digests = digests;
        this.anonymousCsrf = anonymousCsrf;
        this.memberEmail = memberEmail;
        this.clock = clock;
    }

    public void showSubscribe(Context ctx) {
        subscribePage(ctx, defaults(), HttpStatus.OK);
    }

    public void subscribe(Context ctx) {
        Form typed = Form.typed(ctx, FIELDS);
        try {
            SubscriptionInput input = subscriptions.parse(raw(ctx), true);
            perClient.acquire(ctx.ip());
            perEmail.acquire(Mailbox.of(input.email()));
            mail.acquire(ctx, input.email());
            subscriptions.subscribe(input);
            message(ctx, HttpStatus.OK, "Check your mail", CHECK_MAIL, "/", "Today's papers");
        } catch (InvalidForm e) {
            subscribePage(ctx, typed.withProblems(e.problems()), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    public void confirmPage(Context ctx) {
        String token = ctx.queryParam("token");
        // The token is in this page's URL: never send it on to another site.
        ctx.header("Referrer-Policy", "same-origin");
        if (token == null || !subscriptions.confirmable(token)) {
            linkExpired(ctx, HttpStatus.BAD_REQUEST);
            return;
        }
        render(
                ctx,
                HttpStatus.OK,
                "digest/confirm.jte",
                new DigestViews.ConfirmView(page(ctx, "Confirm your digest"), token, anonymousCsrf.apply(ctx)));
    }

    public void confirm(Context ctx) {
        if (subscriptions.confirm(ctx.formParam("token"))) {
            message(
                    ctx,
                    HttpStatus.OK,
                    "Digest confirmed",
                    "Thank you: your digest starts with its next period. Every digest has a one-click unsubscribe link.",
                    "/",
                    "Today's papers");
        } else {
            linkExpired(ctx, HttpStatus.UNPROCESSABLE_CONTENT); // the form's token is refused
        }
    }

    /** A link followed (GET: 400, a bad parameter) or a form posted (422, refused for its content) with a spent token. */
    private void linkExpired(Context ctx, HttpStatus status) {
        message(
                ctx,
                status,
                "Link used or expired",
                "This confirmation link has been used or has "
                        + "expired; links work once, for " + SubscriptionService.CONFIRM_LINK_TTL.toHours()
                        + " hours. Subscribe again to get a new one.",
                "/subscribe",
                "Subscribe");
    }

    public void unsubscribePage(Context ctx) {
        String token = ctx.pathParam("token");
        ctx.header("Referrer-Policy", "same-origin");
        Optional<Subscription> found = subscriptions.byUnsubscribeToken(token);
        if (found.isEmpty()) {
            unknownLink(ctx);
        } else if (found.get().status() == Subscription.Status.UNSUBSCRIBED) {
            unsubscribed(ctx);
        } else {
            render(
                    ctx,
                    HttpStatus.OK,
                    "digest/unsubscribe.jte",
                    new DigestViews.UnsubscribeView(
                            page(ctx, "Unsubscribe"), token, found.get().email()));
        }
    }

    /** The one-click POST of RFC 8058 (from mail clients, with no page and no CSRF token) and the button. */
    public void unsubscribe(Context ctx) {
        ctx.header("Referrer-Policy", "same-origin");
        if (subscriptions.unsubscribe(ctx.pathParam("token"))) {
            unsubscribed(ctx);
        } else {
            unknownLink(ctx);
        }
    }

    private void unsubscribed(Context ctx) {
        message(
                ctx,
                HttpStatus.OK,
                "Unsubscribed",
                "You will get no more digests at this address.",
                "/subscribe",
                "Subscribe again");
    }

    private void unknownLink(Context ctx) {
        message(
                ctx,
                HttpStatus.NOT_FOUND,
                "Unknown link",
                "This unsubscribe link is not one we sent. Copy the whole "
                        + "link from the digest, or use the button at the bottom of the mail.",
                "/",
                "Today's papers");
    }

    public void settingsPage(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        Optional<Subscription> current = subscriptions.forMember(member.id());
        Form form = current.map(DigestPages::filled).orElse(defaults());
        String done = ctx.queryParam("done");
        if ("saved".equals(done)) {
            form = new Form(form.values(), Map.of(), "Digest saved.");
        } else if ("stopped".equals(done)) {
            form = new Form(form.values(), Map.of(), "Digest stopped.");
        }
        settings(ctx, member, current, form, HttpStatus.OK);
    }

    public void saveSettings(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        try {
            SubscriptionInput input = subscriptions.parse(raw(ctx), false);
            subscriptions.saveForMember(member.id(), memberEmail.apply(member.id()), member.verified(), input);
            ctx.redirect("/settings/digest?done=saved", HttpStatus.SEE_OTHER);
        } catch (InvalidForm e) {
            settings(
                    ctx,
                    member,
                    subscriptions.forMember(member.id()),
                    Form.typed(ctx, FIELDS).withProblems(e.problems()),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    public void stop(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        subscriptions.stopForMember(member.id());
        ctx.redirect("/settings/digest?done=stopped", HttpStatus.SEE_OTHER);
    }

    /** The digest as mailed: the member's own, or the default daily one; {@code ?format=text} for the text part. */
    public void preview(Context ctx) {
        Member member = Visitor.of(ctx).member();
        Subscription subscription = member == null
                ? null
                : subscriptions
                        .forMember(member.id())
                        .filter(s -> s.status() != Subscription.Status.UNSUBSCRIBED)
                        .orElse(null);
        Digest digest = digests.preview(subscription, clock.instant());
        ctx.header("Cache-Control", "no-store");
        if ("text".equals(ctx.queryParam("format"))) {
            ctx.contentType("text/plain; charset=utf-8").result(digests.previewText(digest, subscription));
            return;
        }
        // The mail's own HTML, inline styles and all: only this page may use them, and it has no script.
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        ctx.contentType("text/html; charset=utf-8").result(digests.previewHtml(digest, subscription));
    }

    private void settings(Context ctx, Member member, Optional<Subscription> current, Form form, HttpStatus status) {
        String state = current.map(s -> switch (s.status()) {
                    case ACTIVE ->
                        "Your " + s.frequency().key() + " digest goes to " + s.email() + " at "
                                + String.format("%02d:00", s.hour()) + " ("
                                + s.zone().getId() + ").";
                    case PENDING -> "Waiting for you to open the confirmation link we mailed to " + s.email() + ".";
                    case PAUSED -> "Paused: mail to " + s.email() + " kept bouncing. Save to start it again.";
                    case UNSUBSCRIBED -> "Stopped. Save to start it again.";
                })
                .orElse("You get no digest yet.");
        boolean subscribed = current.isPresent() && current.get().status() != Subscription.Status.UNSUBSCRIBED;
        render(
                ctx,
                status,
                "digest/settings.jte",
                new DigestViews.SettingsView(page(ctx, "Email digest"), form, state, subscribed));
    }

    private void subscribePage(Context ctx, Form form, HttpStatus status) {
        render(
                ctx,
                status,
                "digest/subscribe.jte",
                new DigestViews.SubscribeView(page(ctx, "Subscribe"), form, anonymousCsrf.apply(ctx)));
    }

    private void message(Context ctx, HttpStatus status, String title, String message, String href, String linkText) {
        render(
                ctx,
                status,
                "digest/message.jte",
                new DigestViews.MessageView(page(ctx, title), message, href, linkText));
    }

    private static Page page(Context ctx, String title) {
        return Page.of(ctx, title, title + " · Paperboy digest", ctx.path());
    }

    private static void render(Context ctx, HttpStatus status, String template, Object model) {
        ctx.status(status).header("Cache-Control", "no-store");
        Templates.page(ctx, template, model);
    }

    private static SubscriptionInput.Raw raw(Context ctx) {
        return new SubscriptionInput.Raw(
                ctx.formParam("email"),
                ctx.formParam("frequency"),
                ctx.formParam("hour"),
                ctx.formParam("zone"),
                ctx.formParam("searches"),
                ctx.formParam("authors"),
                ctx.formParam("categories"));
    }

    // No zone yet: the list starts at UTC, and app.js picks the browser's own zone when it can.
    private static Form defaults() {
        return new Form(Map.of("frequency", "daily", "hour", "8", "zone", ""), Map.of(), null);
    }

    private static Form filled(Subscription s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("frequency", s.frequency().key());
        values.put("hour", Integer.toString(s.hour()));
        values.put("zone", s.zone().getId());
        values.put("searches", String.join("\n", s.interests().searches()));
        values.put("authors", String.join("\n", s.interests().authors()));
        values.put("categories", String.join("\n", s.interests().categories()));
        return new Form(values, Map.of(), null);
    }
}
