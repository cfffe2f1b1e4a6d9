package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.digest.DigestService;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.web.SiteUrl;
import io.paperboy.webhook.DestinationInput;
import io.paperboy.webhook.TargetGuard;
import io.paperboy.webhook.WebhookSender;
import io.paperboy.webhook.WebhookService;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paperboy webhooks}: site destinations and one delivery run by hand ('serve' delivers on its own). */
@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "Webhook and chat destinations (generic signed JSON, Slack, Discord, Mattermost, Matrix): "
                + "'serve' queues and delivers on its own; these commands add site destinations and run by hand.",
        subcommands = {WebhooksCommand.Run.class, WebhooksCommand.Add.class, WebhooksCommand.Status.class})
final class WebhooksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: run, add or status");
    }

    /** What every webhooks subcommand shares: the store, the site address, whether private targets are allowed. */
    static final class Common {
        @Mixin
        StoreOptions store;

        @Mixin
        SiteOptions siteOptions;

        @Option(
                names = "--webhooks-allow-private",
                description = "Let destinations be on loopback, private and link-local addresses (a lab's own chat "
                        + "server). Off by default: a destination URL is written by a member, and could otherwise make "
                        + "the server post into its own network (server-side request forgery).")
        boolean allowPrivate;

        <T> T withService(Function<WebhookService, T> work) {
            Site site = siteOptions.site(store.dataDir);
            SiteUrl url = site.url() != null ? site.url() : Site.defaultUrl();
            TargetGuard guard = new TargetGuard(allowPrivate);
            try (Database db = store.open();
                    SearchIndex index = SearchIndex.inMemory();
                    WebhookSender sender = new WebhookSender(guard, Clock.systemUTC())) {
                PaperService papers = new PaperService(db);
                new IndexFollower(papers, index).catchUp();
                ListingService listings = new ListingService(db, papers);
                DigestService digests =
                        new DigestService(db, listings, papers, new SearchService(index), site.mailer(), url);
                return work.apply(new WebhookService(db, digests, listings, sender, guard, site.clock()));
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException("webhooks: " + e.getMessage(), e);
            }
        }
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = "Queue what is due now (daily top papers, papers featured since the last scan), then deliver "
                    + "what is pending. Safe to repeat and to run beside 'serve' on other nodes: each destination gets "
                    + "each event once.")
    static final class Run implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(
                names = "--now",
                paramLabel = "INSTANT",
                description = "Run as if it were this time (ISO-8601, e.g. 2026-11-30T08:00:00Z). Default: now.")
        String now;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Instant at;
            try {
                at = now == null ? Instant.now() : Instant.parse(now);
            } catch (DateTimeParseException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--now must be an ISO-8601 instant such as 2026-11-30T08:00:00Z, not '" + now + "'");
            }
            WebhookService.Round round = common.withService(w -> w.run(at));
            System.out.println("webhooks run at " + at + ": " + round.summary());
            return 0;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a site destination; a generic webhook's signing secret is printed this once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--kind", required = true, description = "generic, slack, discord, mattermost or matrix")
        String kind;

        @Option(names = "--name", required = true)
        String name;

        @Option(
                names = "--url",
                required = true,
                description = "The incoming-webhook URL (Matrix: the room's send URL).")
        String url;

        @Option(names = "--token", description = "Matrix only: the posting account's access token.")
        String token;

        @Option(
                names = "--daily-top",
                defaultValue = "10",
                description = "Top papers each day, 0 for none. Default: ${DEFAULT-VALUE}")
        String dailyTop;

        @Option(
                names = "--hour",
                defaultValue = "8",
                description = "Hour of the daily papers, 0-23. Default: ${DEFAULT-VALUE}")
        String hour;

        @Option(
                names = "--zone",
                defaultValue = "UTC",
                description = "IANA time zone of --hour. Default: ${DEFAULT-VALUE}")
        String zone;

        @Option(names = "--every-featured", description = "Also send every newly featured paper.")
        boolean everyFeatured;

        @Option(names = "--search", description = "Send papers matching this search as they are featured; repeatable.")
        java.util.List<String> searches = new java.util.ArrayList<>();

        @Option(names = "--author", description = "Send papers by this author as they are featured; repeatable.")
        java.util.List<String> authors = new java.util.ArrayList<>();

        @Option(
                names = "--category",
                description = "Send papers in this arXiv category as they are featured; repeatable.")
        java.util.List<String> categories = new java.util.ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DestinationInput.Raw raw = new DestinationInput.Raw(
                    kind,
                    name,
                    url,
                    token,
                    dailyTop,
                    hour,
                    zone,
                    everyFeatured ? "on" : null,
                    String.join("\n", searches),
                    String.join("\n", authors),
                    String.join("\n", categories));
            return common.withService(w -> {
                Map<String, String> problems = DestinationInput.problems();
                DestinationInput in = DestinationInput.parse(raw, w.guard(), problems);
                if (in == null) {
                    problems.forEach(
                            (field, why) -> System.err.println("paperboy webhooks add: " + field + ": " + why));
                    return 2;
                }
                WebhookService.Created created = w.add(null, in);
                System.out.println("destination " + created.destination().id() + " added");
                if (created.secret() != null) {
                    System.out.println("signing secret (shown once): " + created.secret());
                }
                return 0;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Outbox rows per status.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Common common;

        @Override
        public Integer call() {
            common.withService(w -> {
                w.outboxCounts().forEach((status, count) -> System.out.printf("%-10s %d%n", status, count));
                return 0;
            });
            return 0;
        }
    }
}
