package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.ingest.arxiv.ArxivHarvester;
import io.paperboy.ingest.arxiv.HarvestException;
import io.paperboy.ingest.arxiv.HarvestProblem;
import io.paperboy.ingest.arxiv.HarvestReport;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.ingest.arxiv.OaiClient;
import io.paperboy.listing.AutoFeature;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paperboy harvest arxiv}: an arXiv set over OAI-PMH into the store, politely and resumably. */
@Command(
        name = "arxiv",
        mixinStandardHelpOptions = true,
        description = {
            "Harvest an arXiv set over OAI-PMH (metadataPrefix=arXiv), following resumption tokens, "
                    + "one request per --delay-ms. Each page is stored with a checkpoint: a harvest that was "
                    + "interrupted resumes where it stopped; without --from, a harvest asks only for what changed "
                    + "since the last finished one.",
            "Exit code 0 only when every record was stored."
        })
final class HarvestArxivCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(
            names = "--set",
            required = true,
            paramLabel = "SET",
            description = "OAI-PMH set, e.g. cs, math, physics:hep-th, physics:cond-mat:soft.")
    String set;

    @Option(
            names = "--from",
            paramLabel = "YYYY-MM-DD",
            description =
                    "First datestamp to ask for. Default: the last datestamp of the last finished harvest of this set.")
    LocalDate from;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last datestamp to ask for.")
    LocalDate until;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            defaultValue = "https://oaipmh.arxiv.org/oai",
            description = "OAI-PMH endpoint (a mirror, or a test server). Default: ${DEFAULT-VALUE}")
    URI baseUrl;

    @Option(
            names = "--delay-ms",
            paramLabel = "N",
            defaultValue = "3000",
            description = "Least time between two requests; arXiv asks for 3 s. Default: ${DEFAULT-VALUE}")
    long delayMs;

    @Option(
            names = "--contact",
            paramLabel = "EMAIL",
            defaultValue = "${env:PAPERBOY_CONTACT}",
            description = "Contact address sent in the User-Agent, as arXiv asks. Default: $PAPERBOY_CONTACT")
    String contact;

    @Mixin
    FeatureOptions feature;

    @Option(names = "--restart", description = "Drop the harvest in progress (e.g. its token expired) and start over.")
    boolean restart;

    @Override
    public Integer call() {
        HarvestSettings settings = settings();
        rules(); // a malformed --feature fails before the store opens
        try (Database db = store.open();
                OaiClient client = new OaiClient(settings)) {
            // Without --feature, a harvest features by the site's rules, as the nightly one does.
            AutoFeature rules = feature.autoFeatureOr(
                    new io.paperboy.settings.SiteSettingsService(db, java.time.Clock.systemUTC()).current());
            return run(db, client, rules, System.err);
        }
    }

    private int run(Database db, OaiClient client, AutoFeature rules, PrintStream err) {
        PaperService papers = new PaperService(db);
        ArxivHarvester harvester = new ArxivHarvester(db, papers, client)
                .onMessage(err::println)
                .autoFeature(rules, new ListingService(db, papers));
        HarvestReport report;
        try (ProgressDisplay ignored = new ProgressDisplay(
                "Harvesting", harvester::recordsExpected, " records", 1, harvester::recordsRead, () -> "")) {
            report = harvester.run(new ArxivHarvester.Request(set, from, until, restart));
        } catch (HarvestException e) {
            err.println("paperboy harvest arxiv: " + e.getMessage());
            return 1;
        }
        for (HarvestProblem problem : report.problems()) {
            err.println(problem);
        }
        err.println(report.summary());
        return report.success() ? 0 : 1;
    }

    private AutoFeature rules() {
        try {
            return feature.autoFeature();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--feature " + e.getMessage());
        }
    }

    private HarvestSettings settings() {
        if (from != null && until != null && from.isAfter(until)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is after --until " + until);
        }
        if (delayMs < 0) {
            throw new ParameterException(spec.commandLine(), "--delay-ms must be 0 or more, got " + delayMs);
        }
        try {
            return HarvestSettings.arxiv(baseUrl, contact).withDelay(Duration.ofMillis(delayMs));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
