package io.paperboy.app;

import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.mail.MailFolder;
import io.paperboy.mail.Mailer;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.TrustedProxies;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the web server needs beyond the store and the index: its public address (null: the
 * address it listens on), where mail goes, the clock (tests move it to expire links), how many
 * failed logins an account and a client address may have per 15 minutes, how many mails visitors
 * may ask for, how submissions ask the arXiv API (null: arXiv's own API, the site's address as
 * contact), which reverse proxies may say who the client is, and where rendered thumbnails are
 * stored (null: covers only), and which counts fetched from elsewhere pages show ({@code external}:
 * GitHub stars, the Hub's linked repositories; both off unless their workers are turned on), and
 * whether webhook destinations may be on loopback, private and link-local addresses (the operator's
 * {@code --webhooks-allow-private}; off: server-side request forgery is the risk).
 */
public record Site(
        SiteUrl url,
        Mailer mailer,
        Clock clock,
        LoginLimits loginLimits,
        HarvestSettings arxivApi,
        MailLimits mailLimits,
        TrustedProxies trustedProxies,
        Path thumbnails,
        External external,
        boolean webhooksAllowPrivate) {
    /** Which fetched counts pages show: what was stored while a worker ran is not shown once it is turned off. */
    public record External(boolean githubStars, boolean hubLinks) {
        public static final External NONE = new External(false, false);
    }

    /**
     * Failed logins allowed per 15 minutes, per account and per client address; sign-ups allowed
     * per hour from one client address.
     */
    public record LoginLimits(int perAccount, int perAddress, int signupsPerAddress) {
        public static final int DEFAULT_SIGNUPS_PER_ADDRESS = 20;
        public static final LoginLimits DEFAULT = new LoginLimits(5, 30, DEFAULT_SIGNUPS_PER_ADDRESS);

        public LoginLimits {
            if (perAccount < 1 || perAddress < 1 || signupsPerAddress < 1) {
                throw new IllegalArgumentException("login limits must be at least 1: " + perAccount + ", " + perAddress
                        + ", " + signupsPerAddress);
            }
        }
    }

    /**
     * Mails sent on request (address confirmations, password resets, digest confirmations, the
     * owner's notice of a sign-up with their address) per hour: {@code perMailbox} to one mailbox
     * (twice that a day) and as many asked for by one account; {@code perAddress} asked for from
     * one client address.
     */
    public record MailLimits(int perMailbox, int perAddress) {
        public static final MailLimits DEFAULT = new MailLimits(5, 20);

        public MailLimits {
            if (perMailbox < 1 || perAddress < 1) {
                throw new IllegalArgumentException("mail limits must be at least 1: " + perMailbox + ", " + perAddress);
            }
        }
    }

    /** Where {@code serve} listens unless told otherwise, and so where its mailed links point. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static final String DEFAULT_PORT = "8080";

    /**
     * The address links in mail use when no {@code --site-url} is given: the one the server
     * listens on ({@code localhost} when it listens on every interface). {@code serve} and the
     * commands that mail without a server ({@code digest run}) agree through this one method.
     */
    public static SiteUrl listeningUrl(String host, int port) {
        return new SiteUrl("http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port);
    }

    /** The same for a server started with the default {@code --host} and {@code --port}. */
    public static SiteUrl defaultUrl() {
        return listeningUrl(DEFAULT_HOST, Integer.parseInt(DEFAULT_PORT));
    }

    /** Mail into {@code mailDir} as .eml files, the listening address, the system clock. */
    public static Site local(Path mailDir) {
        return new Site(
                null,
                new MailFolder(mailDir, "Paperboy <paperboy@localhost>"),
                Clock.systemUTC(),
                LoginLimits.DEFAULT,
                null,
                MailLimits.DEFAULT,
                TrustedProxies.NONE,
                null,
                External.NONE,
                false);
    }

    /**
     * The same site with what only {@code serve}'s own options set (the other commands share the
     * rest through SiteOptions): the fetched counts pages show, how submissions ask the arXiv API,
     * and whether webhooks may reach private addresses.
     */
    public Site withServeOptions(External shownCounts, HarvestSettings submissionsApi, boolean allowPrivateWebhooks) {
        return new Site(
                url,
                mailer,
                clock,
                loginLimits,
                submissionsApi,
                mailLimits,
                trustedProxies,
                thumbnails,
                shownCounts,
                allowPrivateWebhooks);
    }
}
