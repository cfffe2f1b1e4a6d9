package io.paperboy.user;

import io.paperboy.web.Form;
import io.paperboy.web.Page;

/** The typed models of the account pages' templates (user/*.jte), one record per template. */
public final class AccountViews {
    private AccountViews() {}

    /** user/login.jte; {@code next} is a path on this site to return to after logging in. */
    public record Login(Page page, Form form, String csrf, String next) {}

    /** user/signup.jte. */
    public record Signup(Page page, Form form, String csrf) {}

    /** user/reset.jte: asks for the address to mail a reset link to. */
    public record Reset(Page page, Form form, String csrf) {}

    /** user/new-password.jte; {@code token} is the reset link's, sent back with the form. */
    public record NewPassword(Page page, Form form, String csrf, String token) {}

    /** user/message.jte: a message with an optional link onwards ({@code linkHref} null for none). */
    public record Message(Page page, String message, String linkHref, String linkText) {}
}
