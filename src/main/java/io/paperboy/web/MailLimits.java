package io.paperboy.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
    private static final String BY_CLIENT = "mail-client";
    private static final String BY_MAILBOX = "mail-mailbox";

    private final Throttle byClient;
    private final Throttle byAccount;
    private final Throttle byMailbox;
    private final int perMailbox;
    private final int perAddress;

    /** {@code perMailbox} mails per hour to one mailbox (twice that a day) and by one account; {@code perAddress} from one client address. */
    public MailLimits(Throttles throttles, int perMailbox, int perAddress) {
        this.perMailbox = perMailbox;
        this.perAddress = perAddress;
        this.byClient = throttles.of(BY_CLIENT, "mails asked for from your address", perAddress, HOUR);
        this.byAccount = throttles.of("mail-account", "mails asked for by your account", perMailbox, HOUR);
        this.byMailbox = throttles.of(
                BY_MAILBOX,
                "mails to this address",
                List.of(new Throttle.Limit(perMailbox, HOUR), new Throttle.Limit(2 * perMailbox, Duration.ofDays(1))));
    }

    /** Mails one client address may ask for per hour ({@code --mails-per-address}). */
    public int perAddress() {
        return perAddress;
    }

    /** Mails one mailbox may get per hour, and one account may ask for ({@code --mails-per-mailbox}). */
    public int perMailbox() {
        return perMailbox;
    }

    /** Whether {@code refusal} came from the limit per client address (a NAT'd lab may need it raised). */
    public static boolean byClientAddress(HttpResponseException refusal) {
        return BY_CLIENT.equals(refusal.getDetails().get(Throttle.REFUSED_BY));
    }

    /** Whether {@code refusal} came from the limit per mailbox. */
    public static boolean byMailbox(HttpResponseException refusal) {
        return BY_MAILBOX.equals(refusal.getDetails().get(Throttle.REFUSED_BY));
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
