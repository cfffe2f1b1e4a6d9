package io.paperboy.user;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.web.Form;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.MailLimits;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import io.paperboy.web.Visitor;
import java.time.Duration;
import java.util.List;

/** {@code /settings}: display name, password, API tokens, the confirmation mail again. */
public final class SettingsPages {
    private final AccountService accounts;
    private final AuthFilter auth;
    private final MailLimits mail;
    // The current password is a password guess like a login: a stolen session gets a few tries, not a dictionary.
    private final Throttle wrongCurrentPasswords;

    public SettingsPages(AccountService accounts, AuthFilter auth, Throttles throttles, MailLimits mail) {
        this.accounts = accounts;
        this.auth = auth;
        this.mail = mail;
        this.wrongCurrentPasswords = throttles.of(
                "current-password-account", "wrong current passwords for this account", 5, Duration.ofMinutes(15));
    }

    public void show(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        Form form = ctx.queryParam("welcome") != null
                ? Form.notice(
                        "Welcome! We mailed a confirmation link to your address; open it to submit, vote and comment.")
                : Form.EMPTY;
        render(ctx, member, form, null, HttpStatus.OK);
    }

    public void profile(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        try {
            accounts.setDisplayName(member.id(), ctx.formParam("display_name"));
            done(ctx, "profile");
        } catch (InvalidForm e) {
            render(
                    ctx,
                    member,
                    Form.typed(ctx, List.of("display_name")).withProblems(e.problems()),
                    null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    public void password(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        String account = Long.toString(member.id());
        // Taken before the password check, given back when it was right: a burst of guesses at once gets five.
        wrongCurrentPasswords.acquire(account);
        try {
            // A browser stays signed in with a new session; a script with an API token gets none.
            String session = accounts.changePassword(
                    member.id(),
                    ctx.formParam("current_password"),
                    ctx.formParam("new_password"),
                    AuthFilter.bearer(ctx) == null);
            wrongCurrentPasswords.giveBack(account);
            if (session != null) {
                auth.signIn(ctx, session);
            }
            done(ctx, "password");
        } catch (InvalidForm e) {
            if (!e.problems().containsKey("current_password")) {
                wrongCurrentPasswords.giveBack(account);
            }
            render(ctx, member, Form.EMPTY.withProblems(e.problems()), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    public void createToken(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        try {
            String token = accounts.createApiToken(member.id(), ctx.formParam("label"));
            render(ctx, member, Form.EMPTY, token, HttpStatus.OK);
        } catch (InvalidForm e) {
            render(
                    ctx,
                    member,
                    Form.typed(ctx, List.of("label")).withProblems(e.problems()),
                    null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    public void revokeToken(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse(
                    "token id must be a number, not '" + ctx.pathParam("id") + "'");
        }
        if (!accounts.revokeApiToken(member.id(), id)) {
            throw new io.javalin.http.NotFoundResponse("you have no API token " + id);
        }
        done(ctx, "revoked");
    }

    public void resendVerification(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        if (!member.verified()) { // only then is a mail sent
            mail.acquire(ctx, accounts.byId(member.id()).orElseThrow().email());
        }
        accounts.resendVerification(member.id());
        done(ctx, "verify");
    }

    // Codes, not text, in the URL: a link cannot make this page say whatever its author likes.
    private static final java.util.Map<String, String> DONE = java.util.Map.of(
            "profile", "Display name saved.",
            "password", "Password changed; other browsers are signed out and API tokens revoked.",
            "revoked", "Token revoked.",
            "verify", "Confirmation link sent: check your mail.");

    private static void done(Context ctx, String what) {
        ctx.redirect("/settings?done=" + what, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Member member, Form form, String newToken, HttpStatus status) {
        Account account = accounts.byId(member.id()).orElseThrow();
        String done = ctx.queryParam("done");
        Form shown = done != null && DONE.containsKey(done) && form.notice() == null && !form.hasProblems()
                ? Form.notice(DONE.get(done))
                : form;
        Page page = Page.of(ctx, "Settings", "Your Paperboy account", "/settings");
        ctx.status(status).header("Cache-Control", "no-store");
        Templates.page(
                ctx,
                "user/settings.jte",
                new SettingsView(page, account, accounts.apiTokens(member.id()), newToken, shown));
    }
}
