package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.digest.DigestSchedule;
import io.paperboy.github.GithubSettings;
import io.paperboy.github.StarsWorker;
import io.paperboy.hub.HubLinksWorker;
import io.paperboy.hub.HubSettings;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.jobs.JobRuns;
import io.paperboy.keyword.KeywordWorker;
import io.paperboy.listing.ListedPaper;
import io.paperboy.listing.ListingFilter;
import io.paperboy.listing.ListingService;
import io.paperboy.listing.Period;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import io.paperboy.search.EmbeddingWorker;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import io.paperboy.settings.Setting;
import io.paperboy.settings.SiteSettings;
import io.paperboy.settings.SiteSettingsService;
import io.paperboy.thumbnail.ThumbnailSettings;
import io.paperboy.thumbnail.ThumbnailWorker;
import io.paperboy.webhook.WebhookSchedule;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy serve}: the web server, until SIGTERM or Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the web server (GET /health, GET /api/papers/{id}, GET /api/papers/search?q=). "
                + "The search index (DIR/index) catches up with the store on start and then every second.")
final class ServeCommand implements Callable<Integer> {
    /** How often the search index looks for new changes in the store (also those of other nodes). */
    static final long FOLLOW_INTERVAL_MS = 1000;

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = Site.DEFAULT_PORT, description = "HTTP port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--host",
            defaultValue = Site.DEFAULT_HOST,
            description = "Address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "Also serve /metrics (Prometheus text) to anyone reaching this port, on --metrics-host. "
                    + "Without it, /metrics on the main port answers admins only.")
    Integer metricsPort;

    @Option(
            names = "--metrics-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address the --metrics-port listener binds. Default: ${DEFAULT-VALUE} (this machine only)")
    String metricsHost;

    @Option(names = "--demo", description = "Import the bundled demo papers first (safe to repeat).")
    boolean demo;

    @Option(
            names = "--harvest-set",
            paramLabel = "SET",
            split = ",",
            description = "Harvest this arXiv set (cs, math, physics:hep-th, …) every night; repeat for several. "
                    + "Off by default. Each run asks only for what changed since the last one. The sets are the "
                    + "site's, kept in the store, and whichever node runs the night harvests them all: this option "
                    + "seeds them on first start; after that the store's sets win (a node whose option differs says "
                    + "so in one log line) and admins change them on " + SiteSettingsService.WHERE + ".")
    List<String> harvestSets = new ArrayList<>();

    @Option(
            names = "--harvest-hour",
            paramLabel = "H",
            description = "Hour of the nightly harvest, 0-23 UTC; the site's, like --harvest-set (seeds it on first "
                    + "start). Default: " + SiteSettings.DEFAULT_HARVEST_HOUR)
    Integer harvestHour;

    @Option(
            names = "--harvest-base-url",
            paramLabel = "URL",
            defaultValue = "https://oaipmh.arxiv.org/oai",
            description = "OAI-PMH endpoint of the nightly harvest. Default: ${DEFAULT-VALUE}")
    URI harvestBaseUrl;

    @Option(
            names = "--arxiv-api-url",
            paramLabel = "URL",
            defaultValue = "https://export.arxiv.org/api/query",
            description = "arXiv API query endpoint, where submissions fetch the metadata of papers not stored yet. "
                    + "Default: ${DEFAULT-VALUE}")
    URI arxivApiUrl;

    @Mixin
    FeatureOptions feature;

    @Mixin
    SiteOptions siteOptions;

    @Option(
            names = "--contact",
            paramLabel = "EMAIL",
            defaultValue = "${env:PAPERBOY_CONTACT}",
            description = "Contact address sent to arXiv with each request of the nightly harvest and lookups. "
                    + "Default: $PAPERBOY_CONTACT, else the site's address (--site-url).")
    String contact;

    @Option(
            names = "--embeddings",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Semantic search (on by default; --no-embeddings turns it off): embed papers "
                            + "(BGE-small-en-v1.5, shipped in the jar, in-process) and rank searches hybrid. New papers are "
                            + "keyword-searchable at once and embedded in the background (hours for a large store on 2 cores), with "
                            + "progress in the log and on /metrics; after a restart embedding resumes where it stopped. "
                            + "--no-embeddings saves the model's memory (about 200 MB resident, measured in docs/benchmarks.md) and the embedding CPU time.")
    boolean embeddings;

    @Option(
            names = "--thumbnails",
            description = "Render the first page of each paper featured in the last 30 days "
                    + "from its arXiv PDF into DIR/thumbnails, in the background (off by default: it asks arXiv for PDFs; needs "
                    + "--contact). Without it, and until a page is rendered, cards show a cover generated here.")
    boolean thumbnails;

    @Option(
            names = "--thumbnails-pdf-url",
            paramLabel = "URL",
            defaultValue = "https://arxiv.org/pdf/",
            description = "Where PDFs are fetched: this URL + arXiv id. Default: ${DEFAULT-VALUE}")
    URI thumbnailsPdfUrl;

    @Option(
            names = "--thumbnails-interval",
            paramLabel = "SECONDS",
            defaultValue = "3",
            description =
                    "Seconds between PDF requests (arXiv asks for at most one every 3). Default: ${DEFAULT-VALUE}")
    int thumbnailsInterval;

    @Option(
            names = "--drain-timeout",
            paramLabel = "SECONDS",
            defaultValue = "20",
            description = "On SIGTERM, stop taking connections and let requests in flight finish for up to this long "
                    + "before closing. Default: ${DEFAULT-VALUE}")
    int drainSeconds;

    @Option(
            names = "--webhooks-allow-private",
            description = "Let webhook destinations be on loopback, private and link-local addresses (a lab's own chat "
                    + "server). Off by default: a destination URL is written by a member, and could otherwise make the "
                    + "server post into its own network (server-side request forgery).")
    boolean webhooksAllowPrivate;

    @Option(
            names = "--github-stars",
            description = "Show the GitHub stars of papers' code on cards and paper pages, "
                    + "refreshed daily for papers featured in the last 30 days by a background worker (off by default: it asks "
                    + "GitHub's REST API; conditional requests, rate limits honoured). Pages never wait for it.")
    boolean githubStars;

    @Option(
            names = "--github-api-url",
            paramLabel = "URL",
            defaultValue = "https://api.github.com/",
            description = "GitHub's REST API, where --github-stars asks. Default: ${DEFAULT-VALUE}")
    URI githubApiUrl;

    @Option(
            names = "--github-token-file",
            paramLabel = "FILE",
            description =
                    "Read a GitHub token for --github-stars from this file's first line (optional: 5,000 requests "
                            + "an hour instead of 60). Or set PAPERBOY_GITHUB_TOKEN or GITHUB_TOKEN. There is no option for the "
                            + "token itself: a command line is visible to every user of the machine.")
    java.nio.file.Path githubTokenFile;

    /** The GitHub token: --github-token-file, else PAPERBOY_GITHUB_TOKEN, else GITHUB_TOKEN; null: none. */
    String githubToken() {
        EnvironmentDefaults env = store.environment();
        String token = env.secret("PAPERBOY_GITHUB_TOKEN", githubTokenFile);
        return token != null ? token : env.secret("GITHUB_TOKEN", null);
    }

    @Option(
            names = "--hub-links",
            description = "Show the Hugging Face models, datasets and Spaces that cite each "
                    + "arXiv paper (counts on cards, the most liked on the paper page, linkedModels / numTotalModels … in the API), "
                    + "refreshed daily for papers featured in the last 30 days by a background worker (off by default: it asks the "
                    + "Hub's API, one request a second, rate limits honoured). Pages never wait for it.")
    boolean hubLinks;

    @Option(
            names = "--hub-url",
            paramLabel = "URL",
            defaultValue = "https://huggingface.co/",
            description = "The Hugging Face Hub, where --hub-links asks (its /api/models, /api/datasets, /api/spaces). "
                    + "Default: ${DEFAULT-VALUE}")
    URI hubUrl;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // Every part starts here, in order, and stops in the reverse order: the web server (started
        // last) refuses new connections at once and drains the requests in flight, which may need
        // everything started before it; the schedules and workers stop next, the embedding worker's
        // native model idle before the index and the store close.
        Lifecycle life = new Lifecycle();
        Database db = life.started("store", store.open());
        if (demo) {
            LocalDate last = new DemoSite(db, store.dataDir, Clock.systemUTC(), System.err).layOut();
            System.err.printf(
                    "demo: papers featured over the %d days ending %s, with demo members' votes and comments%n",
                    DemoSite.DAYS, last);
        }
        SearchIndex index = life.started("search index", SearchIndex.open(store.indexDir()));
        PaperService papers = new PaperService(db);
        String node = ManagementFactory.getRuntimeMXBean().getName();
        SiteSettingsService siteSettings = new SiteSettingsService(db, Clock.systemUTC());
        siteSettings.seed(givenSettings(), node).ifPresent(System.err::println);
        // Every node reads the site's stored embeddings into its index, whether or not it embeds itself.
        EmbeddingStore storedVectors = new EmbeddingStore(db, Embedder.BGE_SMALL);
        IndexFollower follower = new IndexFollower(papers, index, storedVectors);
        follower.start(FOLLOW_INTERVAL_MS);
        life.started("index follower", follower);
        System.err.printf("search index: up to change %d (%s)%n", index.appliedSeq(), store.indexDir());
        Embedder embedder = embeddings ? new Embedder() : null;
        if (embedder != null) {
            EmbeddingWorker embedding = new EmbeddingWorker(papers, storedVectors, index, embedder, node);
            System.err.printf(
                    "embeddings: %,d papers for the site to embed, by whichever node holds the job%n",
                    embedding.pending());
            embedding.start(FOLLOW_INTERVAL_MS);
            life.started("embedding worker", embedding);
        }
        // Key phrases: ranked by the sentence model when it is on, statistically otherwise; never on a page's path.
        KeywordWorker keywords = new KeywordWorker(db, papers, embedder, node);
        keywords.start(FOLLOW_INTERVAL_MS);
        life.started("keyword worker", keywords);
        Site options = siteOptions.site(store.dataDir);
        Site site = options.withServeOptions(
                new Site.External(githubStars, hubLinks),
                ArxivApiLookup.settings(arxivApiUrl, arxivContact(options)),
                webhooksAllowPrivate);
        // Every node schedules the nightly harvest; the one that claims a night harvests the site's sets.
        life.started("nightly harvest", NightlyHarvest.schedule(db, harvestSettings(site, siteSettings.current())));
        SiteSettings settings = siteSettings.current();
        System.err.println(
                settings.harvestSets().isEmpty()
                        ? "No arXiv sets to harvest nightly (site settings: " + SiteSettingsService.WHERE + ")"
                        : String.format(
                                "Harvesting arXiv %s nightly at %02d:00 UTC (site settings: %s)",
                                String.join(", ", settings.harvestSets()),
                                settings.harvestHour(),
                                SiteSettingsService.WHERE));
        if (thumbnails) {
            life.started("thumbnail worker", startThumbnails(db, site));
        }
        if (githubStars) {
            life.started("github stars worker", startStars(db, site));
        }
        if (hubLinks) {
            life.started("hub links worker", startHub(db, site));
        }
        WebServer server = WebServer.start(life, db, site, index, embedder, host, port, web -> {
            life.started(
                    "digest schedule", new DigestSchedule(web.digests, new JobRuns(db), node, site.clock()).start());
            // Delivers through the node's service, whose HTTP client the pages' test button uses too.
            life.started("webhook schedule", new WebhookSchedule(web.webhooks, site.clock()).start());
        });
        if (metricsPort != null) {
            int listening = server.listenForMetrics(metricsHost, metricsPort);
            System.err.printf("Metrics for Prometheus: http://%s:%d/metrics%n", metricsHost, listening);
        }
        System.err.printf(
                "Paperboy is serving http://%s:%d/ (store: %s)%n",
                host.equals("0.0.0.0") ? "localhost" : host,
                server.port(),
                db.dialect().name().toLowerCase());
        System.err.printf("Mail goes to %s%n", site.mailer().describe());
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = new Runnable() {
            private boolean done;

            @Override
            public synchronized void run() {
                if (done) {
                    return;
                }
                done = true;
                System.err.printf("stopping: finishing the requests in flight (up to %d s)%n", drainSeconds);
                server.stop(Duration.ofSeconds(drainSeconds));
                stopped.countDown();
            }
        };
        stopOnSignals(stop);
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
        stopped.await();
        return 0;
    }

    /*
     * SIGTERM and Ctrl-C stop the site in order before the JVM's shutdown hooks start: ONNX Runtime
     * frees its native environment in a hook of its own, and hooks run concurrently, so an embedding
     * still running then crashed the JVM (SIGSEGV in libonnxruntime, exit 134) instead of exiting.
     */
    @SuppressWarnings("restriction")
    private static void stopOnSignals(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                stop.run();
                System.exit(128 + signal.getNumber());
            });
        }
    }

    private ThumbnailWorker startThumbnails(Database db, Site site) {
        var settings = new ThumbnailSettings(
                thumbnailsPdfUrl, Duration.ofSeconds(thumbnailsInterval), contact, 3, site.thumbnails());
        var worker = new ThumbnailWorker(db, recentlyFeatured(db), settings, Clock.systemUTC());
        worker.start(Duration.ofMinutes(10));
        System.err.printf(
                "thumbnails: rendering featured papers' first pages from %s, one request per %d s%n",
                thumbnailsPdfUrl, thumbnailsInterval);
        return worker;
    }

    /** The papers featured in the last {@value #RECENT_DAYS} days: what the background workers keep fresh. */
    static Supplier<List<Paper>> recentlyFeatured(Database db) {
        var listings = new ListingService(db, new PaperService(db));
        return () -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            var days = new Period(Period.Kind.MONTH, today.minusDays(RECENT_DAYS - 1), today);
            return listings.featured(days, ListingFilter.NONE).stream()
                    .map(ListedPaper::paper)
                    .toList();
        };
    }

    static final int RECENT_DAYS = 30;

    private StarsWorker startStars(Database db, Site site) {
        var settings = new GithubSettings(
                githubApiUrl, githubToken(), Duration.ofSeconds(1), contact != null ? contact : arxivContact(site));
        var worker = new StarsWorker(db, recentlyFeatured(db), settings, Clock.systemUTC());
        worker.start(Duration.ofMinutes(10));
        System.err.printf(
                "github stars: refreshing featured papers' stars daily from %s (%s)%n",
                githubApiUrl, settings.token() == null ? "no token: 60 requests an hour" : "with a token");
        return worker;
    }

    private HubLinksWorker startHub(Database db, Site site) {
        var settings = new HubSettings(hubUrl, Duration.ofSeconds(1), contact != null ? contact : arxivContact(site));
        var worker = new HubLinksWorker(db, recentlyFeatured(db), settings, Clock.systemUTC());
        worker.start(Duration.ofMinutes(10));
        System.err.printf("hub links: refreshing what cites featured papers daily from %s%n", hubUrl);
        return worker;
    }

    /** The options that seed the site's settings, by field name: only those given (command line or environment). */
    private java.util.Map<String, String> givenSettings() {
        java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
        if (!harvestSets.isEmpty()) {
            given.put(Setting.HARVEST_SETS.key(), String.join(",", harvestSets));
        }
        if (harvestHour != null) {
            given.put(Setting.HARVEST_HOUR.key(), Integer.toString(harvestHour));
        }
        if (!feature.rules.isEmpty()) {
            given.put(Setting.FEATURE_RULES.key(), String.join("\n", feature.rules));
        }
        if (feature.bot != null) {
            given.put(Setting.FEATURE_AS.key(), feature.bot);
        }
        return given;
    }

    // The harvest's contact: --contact (refused when malformed and the site harvests), else the site's address.
    private HarvestSettings harvestSettings(Site site, SiteSettings settings) {
        try {
            return HarvestSettings.arxiv(harvestBaseUrl, contact != null ? contact : arxivContact(site));
        } catch (IllegalArgumentException e) {
            if (!settings.harvestSets().isEmpty()) {
                throw e;
            }
            return HarvestSettings.arxiv(harvestBaseUrl, arxivContact(site));
        }
    }

    // arXiv wants to know whom to ask about a client's requests: the contact, else the site's address.
    private String arxivContact(Site site) {
        if (contact != null && (contact.contains("@") || contact.startsWith("http"))) {
            return contact;
        }
        return (site.url() != null ? site.url() : Site.listeningUrl(host, port)).base();
    }
}
