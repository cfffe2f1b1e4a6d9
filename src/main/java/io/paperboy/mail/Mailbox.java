package io.paperboy.mail;

import java.util.Locale;
import java.util.Set;

/**
 * The mailbox an address is delivered to, as providers deliver it: {@code Victim+1@Example.org}
 * and {@code victim@example.org} reach the same inbox, so limits on mail count them as one.
 *
 * <p>Case is ignored in the whole address (RFC 5321 lets the local part be case-sensitive; no
 * provider we know of makes it so), a {@code +tag} is dropped (Gmail, Outlook, Fastmail, iCloud,
 * Proton and most others deliver it to the untagged box), and at Gmail, whose addresses ignore
 * dots, so are the local part's dots ({@code googlemail.com} is the same domain). A trailing dot
 * after the domain, the root of DNS, changes nothing either.
 */
public final class Mailbox {
    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");

    private Mailbox() {}

    /** The key of the mailbox {@code address} reaches; an address with no {@code @} is only trimmed and lower-cased. */
    public static String of(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (GMAIL.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }
}
