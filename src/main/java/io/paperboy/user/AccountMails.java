package io.paperboy.user;

import io.paperboy.mail.Mail;
import io.paperboy.web.SiteUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The mails accounts send: confirm your address, reset your password, someone signed up with your address. */
final class AccountMails {
    private final SiteUrl site;

    AccountMails(SiteUrl site) {
        this.site = site;
    }

    Mail verification(Account account, String token) {
        String link = site.absolute("/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return Mail.text(account.email(), "Confirm your Paperboy account", """
                Hello %s,

                please confirm your email address by opening this link:

                %s

                The link works once, for %d hours. If you did not sign up, ignore this mail.
                """.formatted(
                        account.displayName(), link, AccountService.VERIFY_LINK_TTL.toHours()));
    }

    /** To the owner of an address someone tried to sign up with: the page told that visitor nothing. */
    Mail signupAttempt(Account owner) {
        return Mail.text(owner.email(), "Someone tried to sign up with your address", """
                Hello %s,

                someone tried to make a new Paperboy account with this address, which already has
                one (user name %s). If it was you, log in:

                %s

                or, if you forgot the password, choose a new one:

                %s

                If it was not you, ignore this mail: nothing was changed, and no new account exists.
                """.formatted(
                        owner.displayName(), owner.name(), site.absolute("/login"), site.absolute("/reset")));
    }

    Mail reset(Account account, String token) {
        String link = site.absolute("/reset?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return Mail.text(account.email(), "Reset your Paperboy password", """
                Hello %s,

                someone (we hope you) asked to reset the password of your account. To choose a
                new one, open this link:

                %s

                The link works once, for %d minutes. If you did not ask, ignore this mail: your
                password stays as it is.
                """.formatted(
                        account.displayName(), link, AccountService.RESET_LINK_TTL.toMinutes()));
    }
}
