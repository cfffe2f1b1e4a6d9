package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.ingest.arxiv.ArxivHarvester;
import io.paperboy.ingest.arxiv.HarvestReport;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.ingest.arxiv.OaiClient;
import io.paperboy.jobs.DailyJob;
import io.paperboy.jobs.JobRuns;
import io.paperboy.listing.AutoFeature;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.settings.SiteSettings;
import io.paperboy.settings.SiteSettingsService;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incremental arXiv harvest of the site's sets, run by {@code serve} once a day: each set
 * asks only for what changed since its last finished harvest (its checkpoint). Every node
 * schedules it and one claims each night's run; the sets, the hour and the feature rules are the
 * site's settings in the store, read when the run is due, never the winning node's options.
 */
public final class NightlyHarvest {
    static final String JOB = "harvest:arxiv";
    private static final Logger LOG = LoggerFactory.getLogger(NightlyHarvest.class);

    private NightlyHarvest() {}

    static DailyJob schedule(Database db, HarvestSettings settings) {
        return schedule(db, settings, new SiteSettingsService(db, Clock.systemUTC()), nodeName(), Clock.systemUTC());
    }

    /** The nightly job of node {@code node}: at the site's hour, if the site has sets, harvests them all. */
    public static DailyJob schedule(
            Database db, HarvestSettings settings, SiteSettingsService site, String node, Clock clock) {
        return new DailyJob(
                        JOB,
                        () -> site.current().harvestHour(),
                        () -> !site.current().harvestSets().isEmpty(),
                        () -> {
                            SiteSettings now = site.current();
                            return runAll(db, settings, now.harvestSets(), now.autoFeature());
                        },
                        new JobRuns(db),
                        node,
                        clock)
                .start();
    }

    /** Harvests every set in turn; one set's failure does not stop the others. */
    public static String runAll(Database db, HarvestSettings settings, List<String> sets, AutoFeature rules) {
        List<String> outcomes = new ArrayList<>();
        try (OaiClient client = new OaiClient(settings)) {
            PaperService papers = new PaperService(db);
            ArxivHarvester harvester = new ArxivHarvester(db, papers, client)
                    .onMessage(LOG::info)
                    .autoFeature(rules, new ListingService(db, papers));
            for (String set : sets) {
                outcomes.add(set + ": " + harvestOne(harvester, set));
            }
        }
        return String.join("; ", outcomes);
    }

    private static String harvestOne(ArxivHarvester harvester, String set) {
        try {
            HarvestReport report = harvester.run(new ArxivHarvester.Request(set, null, null, false));
            return report.summary();
        } catch (RuntimeException e) {
            if (io.paperboy.jobs.StoreOutage.isOutage(e)) {
                throw e; // the daily job runs it again, from the set's checkpoint, once the store answers
            }
            LOG.error("nightly harvest of set {} failed", set, e);
            return "failed: " + e.getMessage();
        }
    }

    // Host and process id: unique per running node, readable in job_runs.
    private static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
