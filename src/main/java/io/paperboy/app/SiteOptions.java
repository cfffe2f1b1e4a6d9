package io.paperboy.app;

import io.paperboy.mail.MailFolder;
import io.paperboy.mail.Mailer;
import io.paperboy.mail.SmtpMailer;
import io.paperboy.mail.SmtpSettings;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.TrustedProxies;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --site-url} and the SMTP relay: what links in mail point to and how mail leaves. */
final class SiteOptions {
    @Option(
            names = "--site-url",
            paramLabel = "URL",
            defaultValue = "${env:PAPERBOY_SITE_URL}",
            description = "Public address of the site, for links in mail (https://papers.example.org). "
                    + "Default: $PAPERBOY_SITE_URL, else the address the server listens on.")
    String siteUrl;

    @Option(
            names = "--smtp-host",
            paramLabel = "HOST",
            defaultValue = "${env:PAPERBOY_SMTP_HOST}",
            description = "SMTP relay for mail. Default: $PAPERBOY_SMTP_HOST; with none, mail is written as .eml "
                    + "files into DIR/mail.")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "587", description = "Default: ${DEFAULT-VALUE}")
    int smtpPort;

    @Option(
            names = "--smtp-security",
            paramLabel = "MODE",
            defaultValue = "STARTTLS",
            description = "STARTTLS, SMTPS (TLS from the start, usually port 465) or NONE. Default: ${DEFAULT-VALUE}")
    SmtpSettings.Security smtpSecurity;

    @Option(
            names = "--smtp-user",
            paramLabel = "USER",
            defaultValue = "${env:PAPERBOY_SMTP_USER}",
            description = "Relay login. Default: $PAPERBOY_SMTP_USER; none: no authentication.")
    String smtpUser;

    @Option(
            names = "--smtp-password-file",
            paramLabel = "FILE",
            description =
                    "Read the relay's password from this file's first line. Or set PAPERBOY_SMTP_PASSWORD. "
                            + "There is no option for the password itself: a command line is visible to every user of the machine.")
    Path smtpPasswordFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--mail-from",
            paramLabel = "ADDRESS",
            defaultValue = "Paperboy <paperboy@localhost>",
            description = "Sender of every mail. Default: ${DEFAULT-VALUE}")
    String mailFrom;

    @Option(
            names = "--failed-logins-per-account",
            paramLabel = "N",
            defaultValue = "5",
            description = "Failed logins an account allows per 15 minutes before refusing even the right password. "
                    + "Default: ${DEFAULT-VALUE}")
    int failedLoginsPerAccount;

    @Option(
            names = "--failed-logins-per-address",
            paramLabel = "N",
            defaultValue = "30",
            description = "Failed logins one client address may make per 15 minutes. Default: ${DEFAULT-VALUE}")
    int failedLoginsPerAddress;

    @Option(
            names = "--signups-per-address",
            paramLabel = "N",
            defaultValue = "20",
            description = "Sign-ups one client address may make per hour (raise it for a campus behind one NAT). "
                    + "Default: ${DEFAULT-VALUE}")
    int signupsPerAddress;

    @Option(
            names = "--mails-per-mailbox",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Mails sent on request (confirmations, resets, digest confirmations) to one mailbox per hour, "
                            + "counting user+tag@ as user@ (twice that per day); also what one account may ask for per hour. "
                            + "Default: ${DEFAULT-VALUE}")
    int mailsPerMailbox;

    @Option(
            names = "--mails-per-address",
            paramLabel = "N",
            defaultValue = "20",
            description = "Mails one client address may ask for per hour, to any mailboxes. Default: ${DEFAULT-VALUE}")
    int mailsPerAddress;

    @Option(
            names = "--trusted-proxy",
            paramLabel = "ADDRESS",
            split = ",",
            defaultValue = "${env:PAPERBOY_TRUSTED_PROXY}",
            description = "Reverse proxies (IP addresses or CIDR ranges, comma-separated or repeated) whose "
                    + "X-Forwarded-For (or --proxy-header) names the client; the client address is read through these "
                    + "hops only, so limits per client address count the real client. Default: $PAPERBOY_TRUSTED_PROXY, "
                    + "else none: the client is the address that connected.")
    List<String> trustedProxies;

    @Option(
            names = "--proxy-header",
            paramLabel = "NAME",
            defaultValue = "${env:PAPERBOY_PROXY_HEADER:-X-Forwarded-For}",
            description = "The header trusted proxies append the client address to: X-Forwarded-For or Forwarded "
                    + "(RFC 7239). Default: $PAPERBOY_PROXY_HEADER, else ${DEFAULT-VALUE}")
    String proxyHeader;

    /** The relay's password comes from the environment or a file only, never the command line (ps shows it). */
    Site site(Path dataDir) {
        return new Site(
                siteUrl == null || siteUrl.isBlank() ? null : new SiteUrl(siteUrl),
                mailer(dataDir),
                Clock.systemUTC(),
                new Site.LoginLimits(failedLoginsPerAccount, failedLoginsPerAddress, signupsPerAddress),
                null,
                new Site.MailLimits(mailsPerMailbox, mailsPerAddress),
                TrustedProxies.of(
                        trustedProxies == null ? List.of() : trustedProxies, TrustedProxies.Header.of(proxyHeader)),
                dataDir.resolve("thumbnails"),
                Site.External.NONE,
                false);
    }

    private Mailer mailer(Path dataDir) {
        if (smtpHost == null || smtpHost.isBlank()) {
            return new MailFolder(dataDir.resolve("mail"), mailFrom);
        }
        return new SmtpMailer(new SmtpSettings(
                smtpHost,
                smtpPort,
                smtpSecurity,
                smtpUser,
                environment().secret("PAPERBOY_SMTP_PASSWORD", smtpPasswordFile),
                mailFrom));
    }

    private EnvironmentDefaults environment() {
        return spec.commandLine().getDefaultValueProvider() instanceof EnvironmentDefaults env
                ? env
                : new EnvironmentDefaults(System.getenv());
    }
}
