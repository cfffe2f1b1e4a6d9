package io.paperboy.digest;

import io.paperboy.mail.Mail;
import io.paperboy.web.SiteUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The mails about a subscription itself: confirm it, or "you are already subscribed". */
final class SubscriptionMails {
    private final SiteUrl site;

    SubscriptionMails(SiteUrl site) {
        this.site = site;
    }

    Mail confirm(String email, SubscriptionInput input, String token) {
        String link = site.absolute("/subscribe/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return Mail.text(email, "Confirm your Paperboy digest", """
                Hello,

                someone (we hope you) asked for the Paperboy %s digest at this address, at %02d:00 (%s).
                To start it, open this link and press the button:

                %s

                The link works once, for %d hours. Nothing is sent until you confirm; if you did not
                ask, ignore this mail.
                """.formatted(
                        input.frequency().key(),
                        input.hour(),
                        input.zone().getId(),
                        link,
                        SubscriptionService.CONFIRM_LINK_TTL.toHours()));
    }

    Mail alreadySubscribed(String email, String unsubscribeToken) {
        return Mail.text(email, "Your Paperboy digest", """
                Hello,

                someone (we hope you) asked for the Paperboy digest at this address, which already gets it,
                so nothing has changed. To stop it, open:

                %s

                Members change what their digest holds in their settings (%s).
                """.formatted(
                        site.absolute("/unsubscribe/" + unsubscribeToken), site.absolute("/settings/digest")));
    }
}
