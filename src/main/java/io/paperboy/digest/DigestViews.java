package io.paperboy.digest;

import io.paperboy.web.Form;
import io.paperboy.web.Page;

/** The template models of the digest pages, one record per template. */
public final class DigestViews {
    private DigestViews() {}

    /** /subscribe: the form, and the anonymous CSRF token it carries. */
    public record SubscribeView(Page page, Form form, String csrf) {}

    /** /settings/digest: the form filled with the member's subscription, and where it stands. */
    public record SettingsView(Page page, Form form, String status, boolean subscribed) {}

    /** The confirm button behind a mailed confirmation link. */
    public record ConfirmView(Page page, String token, String csrf) {}

    /** The unsubscribe button behind a List-Unsubscribe link (its POST needs no CSRF token). */
    public record UnsubscribeView(Page page, String token, String email) {}

    /** A one-paragraph answer with a link onwards. */
    public record MessageView(Page page, String message, String linkHref, String linkText) {}
}
