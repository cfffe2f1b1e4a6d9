package io.paperboy.digest;

import io.paperboy.mail.Mail;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.Templates;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a digest into a mail: HTML (tables and inline styles, which every common client keeps)
 * and the same in plain text, with the list headers of RFC 2369 and RFC 8058 so that clients
 * offer a one-click unsubscribe, and a Message-ID fixed per (subscription, period) so that a
 * relay or client can drop the duplicate left by a crash between the relay's reply and our commit.
 */
final class DigestMail {
    private final SiteUrl site;
    private final String host;

    DigestMail(SiteUrl site) {
        this.site = site;
        this.host = URI.create(site.base()).getHost();
    }

    Mail mail(String to, long subscriptionId, Digest digest, String unsubscribeToken, ItemRenderer items) {
        DigestMailView view = view(digest, unsubscribeToken, items);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", messageId(subscriptionId, digest.period().key()));
        headers.put("List-Id", "Paperboy digest <digest." + host + ">");
        headers.put(
                "List-Unsubscribe",
                "<" + view.unsubscribeUrl() + ">, <mailto:unsubscribe@" + host + "?subject=unsubscribe-"
                        + unsubscribeToken + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new Mail(to, digest.subject(), text(view), html(view), headers);
    }

    DigestMailView view(Digest digest, String unsubscribeToken, ItemRenderer items) {
        return new DigestMailView(
                digest,
                items,
                site.absolute("/"),
                unsubscribeToken == null ? null : site.absolute("/unsubscribe/" + unsubscribeToken),
                site.absolute("/settings/digest"));
    }

    /** {@code <digest.42.daily-2026-11-30@papers.example.org>}: the same for every attempt of one period's mail. */
    String messageId(long subscriptionId, String periodKey) {
        return "<digest." + subscriptionId + "." + periodKey.replace(':', '-') + "@" + host + ">";
    }

    static String html(DigestMailView view) {
        return Templates.render("digest/mail.jte", Map.of("model", view));
    }

    static String text(DigestMailView view) {
        StringBuilder out = new StringBuilder(16 * 1024);
        Digest d = view.digest();
        out.append(d.heading()).append("\n\n");
        if (d.sections().isEmpty()) {
            out.append("Nothing new this time.\n\n");
        }
        for (DigestSection section : d.sections()) {
            out.append("== ")
                    .append(section.title())
                    .append(" ==\n")
                    .append(section.intro())
                    .append("\n\n");
            int n = 1;
            for (DigestItem item : section.items()) {
                view.items().appendText(out, item, n++);
            }
        }
        if (d.following() != null) {
            out.append(d.following());
            if (d.nothingFollowed() != null) {
                out.append(' ').append(d.nothingFollowed());
            }
            out.append("\nChange what you follow: ").append(view.settingsUrl()).append("\n\n");
        }
        out.append("-- \nYou get this digest because this address subscribed at ")
                .append(view.siteUrl())
                .append('\n');
        if (view.unsubscribeUrl() != null) {
            out.append("Unsubscribe (one click): ")
                    .append(view.unsubscribeUrl())
                    .append('\n');
        }
        out.append("Members change it in their settings: ")
                .append(view.settingsUrl())
                .append('\n');
        return out.toString();
    }
}
