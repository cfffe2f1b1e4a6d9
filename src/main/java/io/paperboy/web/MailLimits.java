package io.paperboy.web;

import io.javalin.http.Context;
import io.paperboy.mail.Mailbox;
import java.time.Duration;
import java.util.List;

/**
 * Every mail a visitor can make the site send (a sign-up's confirmation or the owner's notice, the
 * confirmation again, a reset link, a digest confirmation) is counted here first, against the
 * client address that asked, the account that asked (when signed in) and the mailbox it goes to
 * ({@link Mailbox}: {@code victim+1@} is {@code victim@}), on every node alike. So the site cannot
 * be turned into a mail cannon against one inbox, from one client or from many.
 *
 * <p>The mailbox is counted whether or not a mail then goes out (no account at that address, say),
 * so a 429 tells nobody who has an account.
 */
public final class MailLimits {
    private static final Duration HOUR = Duration.ofHours(1);

    private final Throttle byClient;
    private final Throttle byAccount;
    private final Throttle byMailbox;

    /** {@code perMailbox} mails per hour to one mailbox (twice that a day) and by one account; {@code perAddress} from one client address. */
    public MailLimits(Throttles throttles, int perMailbox, int perAddress) {
        this.byClient = throttles.of("mail-client", "mails asked for from your address", perAddress, HOUR);
        this.byAccount = throttles.of("mail-account", "mails asked for by your account", perMailbox, HOUR);
        this.byMailbox = throttles.of("mail-mailbox", "mails to this address", List.of(
                new Throttle.Limit(perMailbox, HOUR), new Throttle.Limit(2 * perMailbox, Duration.ofDays(1))));
    }

    /**
     * Counts one mail to {@code address} asked for by this request, or refuses with 429. The client
     * address is counted first, so a client already refused makes no new per-account or mailbox key.
     */
    public void acquire(Context ctx, String address) {
        byClient.acquire(ctx.ip());
        Member member = Visitor.of(ctx).member();
        if (member != null) {
            byAccount.acquire(Long.toString(member.id()));
        }
        byMailbox.acquire(Mailbox.of(address));
    }
}
