package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.digest.DigestService;
import io.paperboy.digest.Frequency;
import io.paperboy.foryou.ForYou;
import io.paperboy.foryou.ReadingList;
import io.paperboy.listing.ListingService;
import io.paperboy.mail.Mail;
import io.paperboy.mail.MailException;
import io.paperboy.mail.MailFolder;
import io.paperboy.mail.Mailer;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.PaperVectors;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.vote.VoteService;
import io.paperboy.web.SiteUrl;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paperboy digest}: email digests by hand (serve sends them on schedule). */
@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        description = "Email digests: 'serve' sends them on schedule; 'digest run' does one run by hand.",
        subcommands = {DigestCommand.Run.class, DigestCommand.Status.class})
final class DigestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: run or status");
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = {
                "Queue every digest due now in the outbox, then deliver what is pending (also retries "
                        + "whose time has come). Safe to repeat and to run beside 'serve': each subscriber gets each "
                        + "period's digest once.",
                "Saved searches are matched against a search index built in memory from the store."
            })
    static final class Run implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Mixin
        SiteOptions siteOptions;

        @Option(
                names = "--period",
                paramLabel = "daily|weekly",
                description = "Only queue subscriptions of this frequency. Default: both.")
        String period;

        @Option(
                names = "--now",
                paramLabel = "INSTANT",
                description = "Run as if it were this time (ISO-8601, e.g. 2026-11-30T08:00:00Z). Default: now.")
        String now;

        @Option(names = "--dry-run", description = "Compose the digests due and count them; queue and send nothing.")
        boolean dryRun;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "With --dry-run: write each composed mail into DIR as an .eml file (any mail client "
                        + "opens one), to look at before anything is sent.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Frequency frequency = parseFrequency(spec, period);
            Instant at = parseNow(spec, now);
            if (out != null && !dryRun) {
                throw new ParameterException(
                        spec.commandLine(), "--out goes with --dry-run: a real run sends the mail");
            }
            Site site = siteOptions.site(store.dataDir);
            SiteUrl url = site.url() != null ? site.url() : Site.defaultUrl();
            if (site.url() == null) {
                System.err.println("paperboy digest run: no --site-url; links in mail point to " + url.base()
                        + ", where 'serve' listens by default");
            }
            try (Database db = store.open();
                    SearchIndex index = SearchIndex.inMemory()) {
                PaperService papers = new PaperService(db);
                new IndexFollower(papers, index).catchUp();
                // This index has no embeddings: members' stored picks are read, and kept as they are.
                ForYou forYou = new ForYou(
                        db,
                        papers,
                        new PaperVectors(index),
                        new VoteService(db, papers, site.clock())::upvotedPaperIds,
                        new ReadingList(db, papers, site.clock()),
                        site.clock());
                DigestService digests = new DigestService(
                        db,
                        new ListingService(db, papers),
                        papers,
                        new SearchService(index),
                        site.mailer(),
                        url,
                        forYou);
                if (dryRun) {
                    Mailer folder = out == null ? null : new MailFolder(out, siteOptions.mailFrom);
                    int count = digests.composeDue(at, frequency, mail -> write(folder, mail));
                    System.out.printf(
                            "%d digests due at %s (dry run: nothing queued or sent)%s%n",
                            count, at, out == null ? "" : "; each is an .eml file in " + out);
                    return 0;
                }
                DigestService.RunReport report = digests.run(at, frequency);
                System.out.println("digest run at " + at + ": " + report.summary());
                return report.stoppedEarly() ? 2 : 0;
            }
        }
    }

    private static void write(Mailer folder, Mail mail) {
        if (folder == null) {
            return;
        }
        try {
            folder.send(mail);
        } catch (MailException e) {
            throw new UncheckedIOException(new java.io.IOException("paperboy digest run: " + e.getMessage(), e));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Outbox rows per status.")
    static final class Status implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Database db = store.open();
                    SearchIndex index = SearchIndex.inMemory()) {
                PaperService papers = new PaperService(db);
                DigestService digests = new DigestService(
                        db,
                        new ListingService(db, papers),
                        papers,
                        new SearchService(index),
                        Site.local(store.dataDir.resolve("mail")).mailer(),
                        Site.defaultUrl());
                digests.outboxCounts().forEach((status, count) -> System.out.printf("%-10s %d%n", status, count));
                return 0;
            }
        }
    }

    private static Frequency parseFrequency(CommandSpec spec, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Frequency.of(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--period " + e.getMessage() + ", not '" + text + "'");
        }
    }

    private static Instant parseNow(CommandSpec spec, String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--now must be an ISO-8601 instant such as 2026-11-30T08:00:00Z, not '" + text + "'");
        }
    }
}
