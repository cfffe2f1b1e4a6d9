package io.paperboy.user;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code /signup}, {@code /login}, {@code /logout}, {@code /verify} and {@code /reset}. */
public final class AccountPages {
    private final AccountService accounts;
    private final AuthFilter auth;
    private final MailLimits mail;
    // Failed logins per account and per address, password-reset mails per account and per address,
    // sign-ups per address: in the store, shared by every node.
    private final Throttle loginFailures;
    private final Throttle loginFailuresByAddress;
    private final Throttle resets;
    private final Throttle signups;
    private final int signupsPerAddress;
    private final Throttle resetsByAddress;
    // Setting a new password hashes it (Argon2id, tens of milliseconds of a core): a client gets a few tries.
    private final Throttle resetConfirmsByAddress;

    /**
     * Failed logins allowed per 15 minutes: {@code perAccount} for one account,
     * {@code perAddress} from one client address (a university behind one NAT may need more);
     * {@code signupsPerAddress} sign-up attempts per hour from one client address, so that a
     * script cannot mint accounts (and send confirmation mails) without end; every mail a request
     * asks for also counts against {@code mail}.
     */
    public AccountPages(
            AccountService accounts,
            AuthFilter auth,
            Throttles throttles,
            MailLimits mail,
            int perAccount,
            int perAddress,
            int signupsPerAddress) {
        this.accounts = accounts;
        this.auth = auth;
        this.mail = mail;
        this.signupsPerAddress = signupsPerAddress;
        this.signups =
                throttles.of("signup-client", "sign-ups from your address", signupsPerAddress, Duration.ofHours(1));
        this.loginFailures =
                throttles.of("login-account", "failed logins for this account", perAccount, Duration.ofMinutes(15));
        this.loginFailuresByAddress =
                throttles.of("login-client", "failed logins from your address", perAddress, Duration.ofMinutes(15));
        this.resets = throttles.of("reset-account", "reset mails for this account", 3, Duration.ofHours(1));
        this.resetsByAddress =
                throttles.of("reset-client", "reset requests from your address", 10, Duration.ofHours(1));
        this.resetConfirmsByAddress = throttles.of(
                "reset-confirm-client", "new-password attempts from your address", 20, Duration.ofMinutes(15));
    }

    public void showSignup(Context ctx) {
        signupPage(ctx, Form.EMPTY, HttpStatus.OK);
    }

    public void showLogin(Context ctx) {
        loginPage(ctx, loginNotice(ctx), HttpStatus.OK);
    }

    public void signup(Context ctx) {
        Form typed = Form.typed(ctx, List.of("email", "name", "display_name"));
        try {
            signups.acquire(ctx.ip());
            // Whether or not the address had an account, the same answer (the owner gets a mail instead),
            // and a mail either way: counted once the form is valid.
            accounts.signup(
                    ctx.formParam("email"),
                    ctx.formParam("name"),
                    ctx.formParam("display_name"),
                    ctx.formParam("password"),
                    address -> mail.acquire(ctx, address));
            ctx.redirect("/login?signed-up", HttpStatus.SEE_OTHER);
        } catch (InvalidForm e) {
            signupPage(ctx, typed.withProblems(e.problems()), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (HttpResponseException e) {
            if (e.getStatus() != HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                throw e;
            }
            // The form again, with what was typed, which limit was reached and when to try again.
            String retryAfter = e.getDetails().get("retryAfter");
            ctx.header("Retry-After", retryAfter);
            signupPage(
                    ctx,
                    typed.withProblems(Map.of("form", signupRefusal(e, Long.parseLong(retryAfter)))),
                    HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    // Each sign-up mails a confirmation, so it counts against the mail limits as well as its own.
    private String signupRefusal(HttpResponseException e, long retryAfterSeconds) {
        String when = "Try again in " + Throttle.inWords(retryAfterSeconds) + ".";
        String shared = " Many people behind one network address (a lab, a campus)? The site's operator can raise "
                + "this limit with ";
        if (MailLimits.byClientAddress(e)) {
            return "Your network address has reached this site's limit on mails: each sign-up sends a confirmation "
                    + "mail, and the site sends at most " + mail.perAddress() + " an hour asked for from one address. "
                    + when + shared + "--mails-per-address.";
        }
        if (MailLimits.byMailbox(e)) {
            return "This email address has had as many mails from this site as it may get for now (" + mail.perMailbox()
                    + " an hour, " + 2 * mail.perMailbox() + " a day), so the confirmation cannot go out. " + when;
        }
        if ("signup-client".equals(e.getDetails().get(Throttle.REFUSED_BY))) {
            return "Your network address has reached this site's limit on sign-ups: " + signupsPerAddress
                    + " an hour from one address. " + when + shared + "--signups-per-address.";
        }
        return e.getMessage() + ".";
    }

    public void login(Context ctx) {
        String email = AccountInput.email(ctx.formParam("email"));
        Form typed = Form.typed(ctx, List.of("email"));
        // Taken before the slow password check and given back on success: a burst of guesses made at
        // once gets the limit's number of tries, not one each (checking first and counting after did).
        // The client address first: a client already refused makes no per-account bucket, so it
        // cannot spray addresses to fill the store.
        loginFailuresByAddress.acquire(ctx.ip());
        loginFailures.acquire(email);
        try {
            String sessionId = accounts.login(email, ctx.formParam("password"));
            loginFailures.reset(email);
            loginFailuresByAddress.giveBack(ctx.ip());
            auth.signIn(ctx, sessionId);
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } catch (InvalidForm e) {
            loginPage(ctx, typed.withProblems(e.problems()), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    public void logout(Context ctx) {
        auth.signOut(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    public void verify(Context ctx) {
        String token = ctx.queryParam("token");
        ctx.header("Referrer-Policy", "same-origin");
        // Signed in first (the login page comes back here): see AccountService.verify.
        Member member = Visitor.requireMember(ctx);
        boolean done = token != null && accounts.verify(token, member.id()).isPresent();
        if (done) {
            message(
                    ctx,
                    HttpStatus.OK,
                    "Address confirmed",
                    "Thank you: you can now submit papers, vote and comment.",
                    "/",
                    "Today's papers");
        } else {
            message(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    "Link used or expired",
                    "This confirmation link has been used or has expired, or is for another account. "
                            + "Settings can mail you a new one.",
                    "/settings",
                    "Settings");
        }
    }

    public void resetPage(Context ctx) {
        String token = ctx.queryParam("token");
        // The token is in this page's URL: never send it on to another site.
        ctx.header("Referrer-Policy", "same-origin");
        if (token == null) {
            render(
                    ctx,
                    "user/reset.jte",
                    HttpStatus.OK,
                    "Reset your password",
                    (page, csrf) -> new AccountViews.Reset(page, Form.EMPTY, csrf));
        } else if (accounts.resetUsable(token)) {
            render(
                    ctx,
                    "user/new-password.jte",
                    HttpStatus.OK,
                    "Choose a new password",
                    (page, csrf) -> new AccountViews.NewPassword(page, Form.EMPTY, csrf, token));
        } else {
            message(
                    ctx,
                    HttpStatus.BAD_REQUEST,
                    "Link used or expired",
                    "This reset link has been used or has expired; links work once, for an hour.",
                    "/reset",
                    "Ask for a new link");
        }
    }

    public void requestReset(Context ctx) {
        String email = AccountInput.email(ctx.formParam("email"));
        String problem = AccountInput.emailProblem(email);
        if (problem != null) {
            Form typed = Form.typed(ctx, List.of("email")).withProblems(Map.of("email", problem));
            render(
                    ctx,
                    "user/reset.jte",
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Reset your password",
                    (page, csrf) -> new AccountViews.Reset(page, typed, csrf));
            return;
        }
        resetsByAddress.acquire(ctx.ip());
        resets.acquire(Mailbox.of(email));
        mail.acquire(ctx, email);
        accounts.requestResetInBackground(email);
        message(
                ctx,
                HttpStatus.OK,
                "Check your mail",
                "If " + email + " has an account, a reset link is on its way. " + "It works once, for an hour.",
                "/login",
                "Back to log in");
    }

    public void confirmReset(Context ctx) {
        String token = ctx.formParam("token");
        resetConfirmsByAddress.acquire(ctx.ip());
        try {
            accounts.reset(token == null ? "" : token, ctx.formParam("password"));
            auth.signOut(ctx);
            ctx.redirect("/login?reset", HttpStatus.SEE_OTHER);
        } catch (InvalidForm e) {
            if (e.problems().containsKey("token")) {
                message(
                        ctx,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Link used or expired",
                        e.problems().get("token"),
                        "/reset",
                        "Ask for a new link");
            } else {
                render(
                        ctx,
                        "user/new-password.jte",
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Choose a new password",
                        (page, csrf) ->
                                new AccountViews.NewPassword(page, Form.EMPTY.withProblems(e.problems()), csrf, token));
            }
        }
    }

    private void signupPage(Context ctx, Form form, HttpStatus status) {
        render(ctx, "user/signup.jte", status, "Sign up", (page, csrf) -> new AccountViews.Signup(page, form, csrf));
    }

    private void loginPage(Context ctx, Form form, HttpStatus status) {
        String next = ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next");
        render(
                ctx,
                "user/login.jte",
                status,
                "Log in",
                (page, csrf) -> new AccountViews.Login(page, form, csrf, safeNext(next)));
    }

    private static Form loginNotice(Context ctx) {
        if (ctx.queryParam("reset") != null) {
            return Form.notice("Your password is set: log in with it.");
        }
        if (ctx.queryParam("signed-up") != null) {
            return Form.notice("Check your mail: we sent a message to the address you gave. Log in, then open "
                    + "the link in it to confirm the address.");
        }
        return Form.EMPTY;
    }

    // An account form's page: its model is built from the page and the visitor's CSRF token.
    private void render(
            Context ctx,
            String template,
            HttpStatus status,
            String title,
            java.util.function.BiFunction<Page, String, Record> model) {
        Page page = Page.of(ctx, title, title + " · Paperboy", ctx.path());
        ctx.status(status).header("Cache-Control", "no-store");
        Templates.page(ctx, template, model.apply(page, auth.anonymousToken(ctx)));
    }

    static void message(
            Context ctx, HttpStatus status, String title, String message, String linkHref, String linkText) {
        ctx.status(status).header("Cache-Control", "no-store");
        Templates.page(
                ctx,
                "user/message.jte",
                new AccountViews.Message(Page.of(ctx, title, message, ctx.path()), message, linkHref, linkText));
    }

    /** Only paths on this site: "//evil.example" and "https://…" would send the member elsewhere. */
    static String safeNext(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
