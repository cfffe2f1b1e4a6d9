package io.paperboy.testing;

import io.paperboy.app.Site;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.mail.Mailer;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.TrustedProxies;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A {@link Site} for tests, starting from {@link Site#local}: each setting a test changes has a
 * method (production builds its Site from {@code serve}'s options, so Site itself keeps no withers
 * for them).
 */
public final class SiteBuilder {
    private SiteUrl url;
    private Mailer mailer;
    private Clock clock;
    private Site.LoginLimits loginLimits;
    private HarvestSettings arxivApi;
    private Site.MailLimits mailLimits;
    private TrustedProxies trustedProxies;
    private final Path thumbnails;
    private Site.External external;
    private boolean webhooksAllowPrivate;

    private SiteBuilder(Site site) {
        url = site.url();
        mailer = site.mailer();
        clock = site.clock();
        loginLimits = site.loginLimits();
        arxivApi = site.arxivApi();
        mailLimits = site.mailLimits();
        trustedProxies = site.trustedProxies();
        thumbnails = site.thumbnails();
        external = site.external();
        webhooksAllowPrivate = site.webhooksAllowPrivate();
    }

    /** {@link Site#local}: mail into {@code mailDir}, the listening address, the system clock, default limits. */
    public static SiteBuilder local(Path mailDir) {
        return new SiteBuilder(Site.local(mailDir));
    }

    public SiteBuilder url(SiteUrl siteUrl) {
        url = siteUrl;
        return this;
    }

    public SiteBuilder mailer(Mailer siteMailer) {
        mailer = siteMailer;
        return this;
    }

    public SiteBuilder clock(Clock siteClock) {
        clock = siteClock;
        return this;
    }

    public SiteBuilder loginLimits(Site.LoginLimits limits) {
        loginLimits = limits;
        return this;
    }

    public HarvestSettings arxivApi() {
        return arxivApi;
    }

    public SiteBuilder arxivApi(HarvestSettings settings) {
        arxivApi = settings;
        return this;
    }

    public SiteBuilder mailLimits(Site.MailLimits limits) {
        mailLimits = limits;
        return this;
    }

    public SiteBuilder trustedProxies(TrustedProxies proxies) {
        trustedProxies = proxies;
        return this;
    }

    public SiteBuilder external(Site.External counts) {
        external = counts;
        return this;
    }

    public SiteBuilder webhooksAllowPrivate(boolean allow) {
        webhooksAllowPrivate = allow;
        return this;
    }

    public Site build() {
        return new Site(
                url,
                mailer,
                clock,
                loginLimits,
                arxivApi,
                mailLimits,
                trustedProxies,
                thumbnails,
                external,
                webhooksAllowPrivate);
    }
}
