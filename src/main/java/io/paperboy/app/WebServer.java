package io.paperboy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.paperboy.comment.CommentPages;
import io.paperboy.comment.CommentService;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.keyword.KeywordWorker;
import io.paperboy.keyword.Keywords;
import io.paperboy.listing.DailyPapersApi;
import io.paperboy.listing.ArxivLookup;
import io.paperboy.mcp.McpRoutes;
import io.paperboy.mcp.MemberTools;
import io.paperboy.mcp.ReadTools;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingFeeds;
import io.paperboy.listing.ListingPages;
import io.paperboy.listing.ListingService;
import io.paperboy.listing.LookupQueue;
import io.paperboy.listing.RankingPage;
import io.paperboy.listing.SubmitPages;
import io.paperboy.listing.Submissions;
import io.paperboy.audit.ModerationLog;
import io.paperboy.jobs.NodeReports;
import io.paperboy.ingest.arxiv.ArxivApiClient;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.paper.Featured;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperApi;
import io.paperboy.paper.PaperExtras;
import io.paperboy.paper.PaperJson;
import io.paperboy.paper.PaperPageParts;
import io.paperboy.paper.PaperPages;
import io.paperboy.paper.PaperService;
import io.paperboy.paper.Upvotes;
import io.paperboy.search.Embedder;
import io.paperboy.search.PaperVectors;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchApi;
import io.paperboy.search.SearchCards;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchMetrics;
import io.paperboy.search.SearchFeeds;
import io.paperboy.search.SearchPages;
import io.paperboy.search.SearchService;
import io.paperboy.search.SimilarApi;
import io.paperboy.search.SimilarPapers;
import io.paperboy.db.SiteSecrets;
import io.paperboy.db.ThrottleBuckets;
import io.paperboy.user.Account;
import io.paperboy.foryou.ForYou;
import io.paperboy.foryou.ForYouPages;
import io.paperboy.foryou.PrivateFeed;
import io.paperboy.foryou.ReadingList;
import io.paperboy.foryou.ReadingListPages;
import io.paperboy.digest.DigestPages;
import io.paperboy.digest.DigestService;
import io.paperboy.digest.SubscriptionService;
import io.paperboy.user.AccountApi;
import io.paperboy.user.AccountPages;
import io.paperboy.user.AccountService;
import io.paperboy.user.AuthFilter;
import io.paperboy.user.SettingsPages;
import io.paperboy.vote.VoteApi;
import io.paperboy.vote.VotePages;
import io.paperboy.vote.VoteService;
import io.paperboy.user.ClaimPages;
import io.paperboy.user.Claims;
import io.paperboy.user.ProfilePages;
import io.paperboy.moderation.ModerationPages;
import io.paperboy.moderation.ModerationService;
import io.paperboy.web.ActionLimit;
import io.paperboy.web.ChangeWatcher;
import io.paperboy.web.Csrf;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.MailLimits;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.StoreUnavailable;
import io.paperboy.web.Errors;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Metrics;
import io.paperboy.web.Page;
import io.paperboy.web.PageCache;
import io.paperboy.web.Templates;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import io.paperboy.web.TrustedProxies;
import java.time.Duration;
import java.util.Collections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the features' routes into one Javalin server: headers, compression, ETags, errors. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int SIMILAR_ON_PAGE = 5;
    // A submission waits at most a minute in this node's line for arXiv, then at most 30 s for the site's turn.
    private static final Duration ARXIV_MAX_WAIT = Duration.ofSeconds(60);
    private static final Duration ARXIV_TURN_WAIT = Duration.ofSeconds(30);
    static final String DEMO_NOTICE = "Demo site: the papers are real; the days they are featured on, the members, "
            + "their upvotes and comments are made up.";

    // Jetty's default 8 KiB would answer a long search URL with a bare 414; with room for twice the
    // query limit URL-encoded, the search API explains the limit in a JSON 400.
    private static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

    private final Javalin app;
    /** A node's index lag is counted up to this many papers (the count walks the change_seq index). */
    private static final int NODE_LAG_COUNTED = 1_000_000;
    private final Metrics metrics;
    private final ChangeWatcher changes;
    private final List<AutoCloseable> owned;
    private final DigestService digests;

    private WebServer(Javalin app, Metrics metrics, ChangeWatcher changes, List<AutoCloseable> owned,
            DigestService digests) {
        this.app = app;
        this.metrics = metrics;
        this.changes = changes;
        this.owned = owned;
        this.digests = digests;
    }

    /**
     * Starts on {@code host:port} (port 0 picks a free one) with a search index in memory that
     * follows the store, for tests and tools without a data folder; stopping closes it.
     */
    public static WebServer start(Database db, Site site, String host, int port) {
        SearchIndex index = SearchIndex.inMemory();
        IndexFollower follower = new IndexFollower(new PaperService(db), index,
                new io.paperboy.search.EmbeddingStore(db, io.paperboy.search.Embedder.BGE_SMALL));
        follower.start(ServeCommand.FOLLOW_INTERVAL_MS);
        KeywordWorker keywords = new KeywordWorker(db, new PaperService(db), null);
        keywords.start(ServeCommand.FOLLOW_INTERVAL_MS);
        return start(db, site, index, new SearchService(index), Ranking.BM25, host, port, List.of(keywords, follower, index));
    }

    /**
     * Starts on {@code host:port} searching {@code index}, which the caller keeps caught up and
     * closes; with an {@code embedder} (null: keywords only) search ranks hybrid by default.
     */
    public static WebServer start(Database db, Site site, SearchIndex index, Embedder embedder, String host, int port) {
        return start(db, site, index, new SearchService(index, embedder), embedder == null ? Ranking.BM25 : Ranking.HYBRID,
                host, port, List.of());
    }

    private static WebServer start(Database db, Site site, SearchIndex index, SearchService searchByText, Ranking ranking,
            String host, int requestedPort, List<AutoCloseable> owned) {
        // Mailed links need the address before the server starts, so a free port is chosen here.
        int port = requestedPort == 0 ? FreePort.find(host) : requestedPort;
        SiteUrl url = site.url() != null ? site.url() : Site.listeningUrl(host, port);
        AccountService accounts = new AccountService(db, site.mailer(), url, site.clock());
        AuthFilter auth = new AuthFilter(accounts, new Csrf(SiteSecrets.key(db, "csrf"), url), url,
                // One-click unsubscribe (RFC 8058): mail clients post without a page. MCP: its tools act
                // only for an API token's member, never for the session cookie, so a cookie there drives nothing.
                List.of("/unsubscribe/", McpRoutes.PATH));
        // Every limit counts in the store, shared by all nodes on it.
        Throttles throttles = new Throttles(new ThrottleBuckets(db, site.clock()).proxies());
        MailLimits mailLimits = new MailLimits(throttles, site.mailLimits().perMailbox(), site.mailLimits().perAddress());
        PaperService papers = new PaperService(db);
        VoteService votes = new VoteService(db, papers, site.clock());
        ListingService listings = new ListingService(db, papers, votes, site.clock());
        SearchService search = searchByText.withUpvotes(votes::mostUpvoted);
        Claims claims = new Claims(db, papers, site.clock());
        Metrics metrics = new Metrics();
        metrics.bind(new SearchMetrics(index));
        ReadingList readingList = new ReadingList(db, papers, site.clock());
        // Upvotes and reading-list changes: one bucket per account for the pages, the API and MCP.
        ActionLimit voteLimit = ActionLimit.votes(throttles);
        ActionLimit saveLimit = ActionLimit.saves(throttles);
        ReadingListPages readingListPages = new ReadingListPages(readingList, saveLimit);
        ForYou forYou = new ForYou(db, papers, new PaperVectors(index), new SimilarPapers(index), votes::upvotedPaperIds,
                readingList, site.clock());
        DigestService digests = new DigestService(db, listings, papers, search, site.mailer(), url, forYou);
        DigestPages digestPages = new DigestPages(new SubscriptionService(db, site.mailer(), search, url, site.clock()),
                digests, auth::anonymousToken, id -> accounts.byId(id).orElseThrow().email(), site.clock(), throttles, mailLimits);
        // Watching the change number every quarter second, it notices when the store goes away and comes back.
        io.paperboy.jobs.StoreOutage outage = new io.paperboy.jobs.StoreOutage("web", LOG);
        ChangeWatcher changes = new ChangeWatcher(() -> db.withHandle(ChangeSequence::current), outage);
        Keywords keywords = new Keywords(db);
        ChangeWatcher keywordsStored = new ChangeWatcher(keywords::progress, outage);
        PaperExtras.Source extras = new Extras(keywords::ofAll,
                site.external().githubStars() ? new io.paperboy.github.GithubStars(db)::ofAll : null,
                site.external().hubLinks() ? new io.paperboy.hub.HubLinks(db)::ofAll : null);
        PaperJson paperJson = new PaperJson(new ObjectMapper(), extras);
        CommentService comments = new CommentService(db, new ModerationLog(), site.clock());
        CommentPages commentPages = new CommentPages(comments, papers,
                name -> accounts.byName(name).map(Account::displayName), throttles);
        PrivateFeed privateFeed = new PrivateFeed(db, site.clock());
        // An impostor who signed up with the owner's address may have made the feed's secret address.
        accounts.onClaimedByReset(privateFeed::revoke);
        ForYouPages forYouPages = new ForYouPages(forYou, privateFeed, url);
        java.util.function.Function<List<Paper>, List<ObjectNode>> render = shown -> {
            // A list's votes, comments and extras in one query each, not per paper.
            List<String> ids = shown.stream().map(Paper::id).toList();
            Map<String, Integer> upvotes = listings.upvotes(ids);
            Map<String, Integer> counts = comments.counts(ids);
            Map<String, PaperExtras> found = extras.of(ids);
            return shown.stream().map(p -> paperJson.write(p, upvotes.getOrDefault(p.id(), 0), counts.getOrDefault(p.id(), 0),
                    found.getOrDefault(p.id(), PaperExtras.NONE))).toList();
        };
        SearchApi searchApi = new SearchApi(search, papers, render, ranking);
        SimilarApi similarApi = new SimilarApi(new SimilarPapers(index), papers, render);
        HarvestSettings arxivSettings = site.arxivApi() != null ? site.arxivApi()
                : ArxivApiLookup.settings(ArxivApiClient.ARXIV_API, url.base());
        ArxivApiLookup arxiv = new ArxivApiLookup(arxivSettings);
        Submissions submissions = new Submissions(db, papers, listings, arxiv, arxivLine(throttles, arxivSettings.delay()),
                new ModerationLog(), site.clock());
        SubmitPages submitPages = new SubmitPages(submissions, throttles);
        // Every node reports into the store; any node's operator page and metrics show them all.
        String node = java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + ":" + port;
        io.paperboy.search.EmbeddingStore storedVectors = new io.paperboy.search.EmbeddingStore(db, io.paperboy.search.Embedder.BGE_SMALL);
        Instant started = Instant.now();
        NodeReports nodeReports = new NodeReports(db).start(node, Operations.version(), started, index::appliedSeq,
                () -> papers.countChangedSince(index.appliedSeq(), NODE_LAG_COUNTED),
                () -> storedVectors.countSince(index.vectorsSeq(), NODE_LAG_COUNTED));
        Operations operations = new Operations(db, papers, digests, storedVectors, nodeReports, node, started, site.clock());
        metrics.bind(new OperationsMetrics(operations));
        String notice = DemoSite.isDemo(db) ? DEMO_NOTICE : null;
        Javalin app = Javalin.create(config -> {
            configureHttp(config);
            // ctx.ip(), which every limit per client address counts, reads X-Forwarded-For only through trusted proxies.
            TrustedProxies proxies = site.trustedProxies();
            config.contextResolver.ip = ctx -> proxies.client(ctx.req().getRemoteAddr(),
                    proxies.none() ? List.of() : Collections.list(ctx.req().getHeaders(proxies.header().headerName())));
            if (notice != null) {
                config.routes.before(ctx -> Page.setSiteNotice(ctx, notice));
            }
            auth.register(config); // first: every later handler asks who the visitor is
            metrics.register(config);
            // Answers come from the store and, for search and similar papers, from the index following it.
            // Key phrases arrive later than their papers, from the keyword worker.
            PageCache pageCache = new PageCache(() -> List.of(changes.getAsLong(), index.appliedSeq(),
                    keywordsStored.getAsLong()), metrics::record);
            pageCache.register(config);
            StoreUnavailable storeUnavailable = new StoreUnavailable(outage, pageCache, db.poolSize());
            new Health(db, papers, index::appliedSeq).register(config);
            config.routes.get("/api/openapi.json", WebServer::openApi);
            searchApi.register(config); // before /api/papers/<id>, which would take "search" for an id
            similarApi.register(config); // likewise: <id> would swallow "/similar"
            new PaperApi(papers, listings::upvotes, comments, extras).register(config);
            new DailyPapersApi(listings, comments, extras).register(config);
            new ListingFeeds(listings, url).register(config);
            new SearchFeeds(search, papers, ranking, url).register(config);
            new SearchPages(search, papers, ranking, (member, ids) -> new SearchCards.Controls(listings.upvotes(ids),
                    member == null ? java.util.Set.of() : votes.upvotedBy(member.id(), ids),
                    member == null ? java.util.Set.of() : readingList.savedAmong(member.id(), ids), comments.counts(ids)))
                    .register(config);
            new VoteApi(votes, voteLimit).register(config);
            new VotePages(votes, voteLimit).register(config);
            new ListingPages(listings, votes, comments, name -> accounts.byName(name).map(Account::displayName),
                    extras)
                    .register(config);
            new RankingPage().register(config);
            submitPages.register(config);
            commentPages.register(config); // before the paper pages: /papers/<id> would take /papers/x/comments
            forYouPages.register(config); // likewise: "for-you" is not a paper id
            new PaperPages(papers, new PaperPageParts(id -> featured(listings, id),
                    id -> similarApi.likeInOrder(id, SIMILAR_ON_PAGE),
                    (id, member) -> new Upvotes(listings.upvotes(id), member != null && votes.state(member.id(), id).upvoted()),
                    claims::approvedAuthors,
                    (ctx, id) -> both(readingListPages.saveButton(ctx, id), submitPages.featureAgainButton(ctx, id)),
                    (ctx, id) -> Templates.content("comment/section.jte", commentPages.section(ctx, id)),
                    extras), url)
                    .register(config);
            new AccountPages(accounts, auth, throttles, mailLimits, site.loginLimits().perAccount(), site.loginLimits().perAddress(),
                    site.loginLimits().signupsPerAddress())
                    .register(config);
            new SettingsPages(accounts, auth, throttles, mailLimits).register(config);
            new io.paperboy.user.AvatarPages().register(config);
            new io.paperboy.thumbnail.ThumbnailPages(papers, site.thumbnails(), id -> io.paperboy.thumbnail.ThumbnailWorker.stored(db, id))
                    .register(config);
            new AccountApi().register(config);
            readingListPages.register(config);
            new ClaimPages(claims).register(config);
            new ProfilePages(accounts, claims, papers, name -> submittedPaperIds(listings, name), votes::upvotedPaperIds)
                    .register(config);
            new ModerationPages(new ModerationService(db, papers, listings, claims, accounts), papers, listings, claims,
                    accounts).register(config);
            new OperatorPages(operations, new io.paperboy.settings.SiteSettingsService(db, site.clock())).register(config);
            digestPages.register(config);
            new McpRoutes(new ReadTools(search, ranking, papers, listings, similarApi::likeInOrder, listings::upvotes, url),
                    new MemberTools(votes, readingList, forYou, url, voteLimit, saveLimit)).register(config);
            config.routes.after(HttpPolicy::privateForMembers);
            config.routes.exception(HttpResponseException.class, WebServer::userError);
            config.routes.exception(InvalidForm.class, WebServer::invalidForm);
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (!storeUnavailable.handle(e, ctx)) {
                    internalError(e, ctx);
                }
            });
            config.routes.error(404, WebServer::notFound);
        });
        app.start(host, port);
        List<AutoCloseable> closing = new java.util.ArrayList<>(owned);
        closing.add(nodeReports);
        closing.add(arxiv);
        closing.add(keywordsStored);
        return new WebServer(app, metrics, changes, closing, digests);
    }

    /**
     * Submissions' line for arXiv: members take turns on this node, and every node takes its turn
     * at arXiv's pace through one bucket in the store, so the site as a whole asks once per {@code pace}.
     */
    private static LookupQueue arxivLine(Throttles throttles, Duration pace) {
        if (pace.isZero()) {
            return new LookupQueue(pace, () -> { }, ARXIV_MAX_WAIT);
        }
        Throttle arxivTurns = throttles.of("arxiv-api", "arXiv lookups", 1, pace);
        return new LookupQueue(pace, () -> {
            if (!arxivTurns.await("submissions", ARXIV_TURN_WAIT)) {
                throw new ArxivLookup.Unavailable("the site's other servers are keeping it busy", null);
            }
        }, ARXIV_MAX_WAIT);
    }

    /** Every HTTP route, as "GET /api/papers/<id>", for the OpenAPI check. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    /** The digest runs of this server's site, for the schedule {@code serve} starts. */
    public DigestService digests() {
        return digests;
    }

    /** The store's change number as this server's page cache last saw it (it polls). */
    public long changesSeen() {
        return changes.getAsLong();
    }

    public int port() {
        return app.port();
    }

    /** Serves {@code /metrics} to anyone on {@code host:port} (0: a free port), for Prometheus; returns the port. */
    public int listenForMetrics(String host, int port) {
        return metrics.listen(host, port);
    }

    public void stop() {
        stop(Duration.ZERO);
    }

    /**
     * Stops taking connections at once (a new one is refused), lets requests in flight finish for
     * up to {@code drain} (Jetty's graceful stop), then closes; SIGTERM to {@code serve} does this.
     */
    public void stop(Duration drain) {
        app.jettyServer().server().setStopTimeout(drain.toMillis());
        app.stop();
        changes.close();
        metrics.close();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping: cannot close {}", resource, e);
            }
        }
    }

    private static void configureHttp(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.concurrency.useVirtualThreads = true;
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(HttpPolicy.jettyErrorHandler());
            // Counts requests in flight so that a graceful stop waits for them (Javalin nests its handler inside).
            server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
        });
        // ETags come from PageCache, computed once per cached answer.
        config.http.generateEtags = false;
        config.http.compressionStrategy = CompressionStrategy.GZIP;
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "public, max-age=3600");
        });
        // What browsers ask for at the root on their own: /favicon.ico (the pages name /static/icon.svg too).
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/root";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "public, max-age=86400");
        });
        config.routes.before(HttpPolicy::securityHeaders);
    }

    private static void openApi(Context ctx) throws java.io.IOException {
        try (var in = WebServer.class.getResourceAsStream("/api/openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static List<String> submittedPaperIds(ListingService listings, String userName) {
        return listings.submittedBy(userName, Claims.MAX_LISTED).stream().map(ListingEntry::paperId).toList();
    }

    private static gg.jte.Content both(gg.jte.Content first, gg.jte.Content second) {
        return output -> {
            first.writeTo(output);
            second.writeTo(output);
        };
    }

    private static List<Featured> featured(ListingService listings, String paperId) {
        return listings.forPaper(paperId).stream()
                .map((ListingEntry e) -> new Featured(e.day(), e.submittedBy(), e.upvotes()))
                .toList();
    }

    private static void userError(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 401 && AuthFilter.bearer(ctx) != null) {
            // A bad API token: the login page would get the same header and refuse it again, so a
            // redirect there would loop. The client must fix its token, not sign in.
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else if (e.getStatus() == 401 && !ctx.path().startsWith("/api/")) {
            // A browser without a session goes to the login page and comes back after.
            String back = ctx.method() == io.javalin.http.HandlerType.GET ? ctx.path()
                    + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : refererPath(ctx);
            ctx.redirect("/login?next=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
            return;
        }
        String retryAfter = e.getDetails().get("retryAfter");
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter);
        }
        // Javalin's own 404 for an unknown path names its router ("Endpoint GET /x not found").
        String message = e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ")
                ? "no such page: " + ctx.path() : e.getMessage();
        Errors.respond(ctx, HttpStatus.forStatus(e.getStatus()), message);
    }

    /** Form problems that reached no page of their own: the API's 400 with every field named. */
    private static void invalidForm(InvalidForm e, Context ctx) {
        Errors.respond(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static String refererPath(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(ctx.host()) && uri.getRawPath() != null
                    ? uri.getRawPath() : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static void internalError(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        Errors.respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    }

    private static void notFound(Context ctx) {
        String body = ctx.result();
        if (body == null || body.isEmpty() || body.startsWith("Endpoint")) {
            Errors.respond(ctx, HttpStatus.NOT_FOUND, "no such page: " + ctx.path());
        }
    }
}
