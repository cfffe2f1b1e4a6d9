package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.digest.DigestService;
import io.paperboy.ingest.arxiv.HarvestStatus;
import io.paperboy.jobs.JobRuns;
import io.paperboy.jobs.NodeReports;
import io.paperboy.paper.PaperService;
import io.paperboy.search.EmbeddingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What the site's background work is doing, read from the store, for the operator page and
 * {@code /metrics}: scheduled jobs, harvests, the mail outbox, the embedding job, the store, and
 * every node's report (version, uptime, index lag).
 */
public final class Operations {
    /** How often each scheduled job is due, by its name in job_runs. */
    static final Map<String, Duration> SCHEDULES =
            Map.of("digest", Duration.ofHours(1), NightlyHarvest.JOB, Duration.ofDays(1));
    /** Pending embeddings are counted up to this many. */
    private static final int PENDING_CAP = 10_000_000;

    /** One scheduled job: its latest run, its latest failure (null: none), and when it is next due (null: unknown). */
    public record Job(String name, String every, JobRuns.Run last, JobRuns.Run lastFailure, Instant next) {}

    /** The site's embedding job: papers pending, the holder's rate, the time left at that rate (null: unknown). */
    public record Embeddings(
            long pending,
            long stored,
            double papersPerSecond,
            Duration eta,
            String holder,
            Instant leaseUntil,
            String lastError) {}

    /** Everything the page shows, as of {@code at}. */
    public record Snapshot(
            Instant at,
            String version,
            String node,
            String store,
            long storeBytes,
            Instant startedAt,
            Duration uptime,
            List<NodeReports.Report> nodes,
            List<Job> jobs,
            List<HarvestStatus> harvests,
            Map<String, Integer> outbox,
            Instant oldestWaitingMail,
            Embeddings embeddings) {}

    private final Database db;
    private final PaperService papers;
    private final DigestService digests;
    private final EmbeddingStore embeddings;
    private final NodeReports nodes;
    private final JobRuns runs;
    private final io.paperboy.settings.SiteSettingsService settings;
    private final String node;
    private final Instant startedAt;
    private final Clock clock;

    Operations(
            Database db,
            PaperService papers,
            DigestService digests,
            EmbeddingStore embeddings,
            NodeReports nodes,
            String node,
            Instant startedAt,
            Clock clock) {
        this.db = db;
        this.papers = papers;
        this.digests = digests;
        this.embeddings = embeddings;
        this.nodes = nodes;
        this.runs = new JobRuns(db);
        this.settings = new io.paperboy.settings.SiteSettingsService(db, clock);
        this.node = node;
        this.startedAt = startedAt;
        this.clock = clock;
    }

    /** This build's version, from the jar's manifest. */
    static String version() {
        String version = Operations.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    Snapshot snapshot() {
        Instant now = clock.instant();
        return new Snapshot(
                now,
                version(),
                node,
                db.dialect().name().toLowerCase(java.util.Locale.ROOT),
                db.sizeBytes(),
                startedAt,
                Duration.between(startedAt, now),
                nodes.recent(now),
                jobs(now),
                HarvestStatus.all(db),
                digests.outboxCounts(),
                digests.oldestWaitingMail().orElse(null),
                embeddings());
    }

    List<Job> jobs(Instant now) {
        java.util.Set<String> names = new java.util.TreeSet<>(SCHEDULES.keySet());
        names.addAll(runs.jobs());
        return names.stream()
                .map(name -> {
                    JobRuns.Run last = runs.latest(name).orElse(null);
                    Duration every = SCHEDULES.get(name);
                    Instant next = name.equals(NightlyHarvest.JOB) ? nextHarvest(now) : next(last, every, now);
                    return new Job(
                            name,
                            every == null ? "" : describe(every),
                            last,
                            runs.latestFailure(name).orElse(null),
                            next);
                })
                .toList();
    }

    // The next due time after now on the last run's grid (the digest's hours, the harvest's hour of day).
    static Instant next(JobRuns.Run last, Duration every, Instant now) {
        if (last == null || every == null) {
            return null;
        }
        Instant next = last.claimedAt().truncatedTo(ChronoUnit.HOURS).plus(every);
        while (next.isBefore(now)) {
            next = next.plus(every);
        }
        return next;
    }

    // The harvest runs at the site's hour (it may have moved since the last run), and not at all without sets.
    private Instant nextHarvest(Instant now) {
        io.paperboy.settings.SiteSettings site = settings.current();
        if (site.harvestSets().isEmpty()) {
            return null;
        }
        Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(site.harvestHour()));
        return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
    }

    Embeddings embeddings() {
        EmbeddingStore.State state = embeddings.state().orElse(new EmbeddingStore.State(0, 0, null, null, 0, null));
        long pending = papers.countChangedSince(state.papersSeq(), PENDING_CAP);
        Duration eta = pending == 0
                ? Duration.ZERO
                : state.rate() > 0 ? Duration.ofSeconds((long) Math.ceil(pending / state.rate())) : null;
        boolean held = state.leaseUntil() != null && state.leaseUntil().isAfter(clock.instant());
        return new Embeddings(
                pending,
                state.lastSeq(),
                state.rate(),
                eta,
                held ? state.holderNode() : null,
                held ? state.leaseUntil() : null,
                state.lastError());
    }

    static String describe(Duration d) {
        if (d.toDays() > 0 && d.toHoursPart() == 0) {
            return d.toDays() == 1 ? "daily" : "every " + d.toDays() + " days";
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() == 1 ? "hourly" : "every " + d.toHours() + " hours";
        }
        long s = d.toSeconds();
        return s < 60
                ? s + " s"
                : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
