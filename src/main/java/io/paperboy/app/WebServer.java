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
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.listing.DailyPapersApi;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingFeeds;
import io.paperboy.listing.ListingPages;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Featured;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperApi;
import io.paperboy.paper.PaperJson;
import io.paperboy.paper.PaperPages;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchApi;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchMetrics;
import io.paperboy.search.SearchFeeds;
import io.paperboy.search.SearchPages;
import io.paperboy.search.SearchService;
import io.paperboy.search.SimilarApi;
import io.paperboy.search.SimilarPapers;
import io.paperboy.web.ChangeWatcher;
import io.paperboy.web.Errors;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Metrics;
import io.paperboy.web.PageCache;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the features' routes into one Javalin server: headers, compression, ETags, errors. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int SIMILAR_ON_PAGE = 5;

    // Jetty's default 8 KiB would answer a long search URL with a bare 414; with room for twice the
    // query limit URL-encoded, the search API explains the limit in a JSON 400.
    private static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

    private final Javalin app;
    private final Metrics metrics;
    private final ChangeWatcher changes;
    private final List<AutoCloseable> owned;

    private WebServer(Javalin app, Metrics metrics, ChangeWatcher changes, List<AutoCloseable> owned) {
        this.app = app;
        this.metrics = metrics;
        this.changes = changes;
        this.owned = owned;
    }

    /**
     * Starts on {@code host:port} (port 0 picks a free one) with a search index in memory that
     * follows the store, for tests and tools without a data folder; stopping closes it.
     */
    public static WebServer start(Database db, String host, int port) {
        SearchIndex index = SearchIndex.inMemory();
        IndexFollower follower = new IndexFollower(new PaperService(db), index);
        follower.start(ServeCommand.FOLLOW_INTERVAL_MS);
        return start(db, index, new SearchService(index), Ranking.BM25, host, port, List.of(follower, index));
    }

    /**
     * Starts on {@code host:port} searching {@code index}, which the caller keeps caught up and
     * closes; with an {@code embedder} (null: keywords only) search ranks hybrid by default.
     */
    public static WebServer start(Database db, SearchIndex index, Embedder embedder, String host, int port) {
        return start(db, index, new SearchService(index, embedder), embedder == null ? Ranking.BM25 : Ranking.HYBRID,
                host, port, List.of());
    }

    private static WebServer start(Database db, SearchIndex index, SearchService search, Ranking ranking, String host,
            int port, List<AutoCloseable> owned) {
        PaperService papers = new PaperService(db);
        ListingService listings = new ListingService(db, papers);
        Metrics metrics = new Metrics();
        metrics.bind(new SearchMetrics(index));
        ChangeWatcher changes = new ChangeWatcher(() -> db.withHandle(ChangeSequence::current));
        PaperJson paperJson = new PaperJson(new ObjectMapper());
        java.util.function.Function<Paper, ObjectNode> render = p -> paperJson.write(p, listings.upvotes(p.id()));
        SearchApi searchApi = new SearchApi(search, papers, render, ranking);
        SimilarApi similarApi = new SimilarApi(new SimilarPapers(index), papers, render);
        Javalin app = Javalin.create(config -> {
            configureHttp(config);
            metrics.register(config);
            // Answers come from the store and, for search and similar papers, from the index following it.
            new PageCache(() -> List.of(changes.getAsLong(), index.appliedSeq()), metrics::record).register(config);
            config.routes.get("/health", new Health(papers)::handle);
            config.routes.get("/api/openapi.json", WebServer::openApi);
            searchApi.register(config); // before /api/papers/<id>, which would take "search" for an id
            similarApi.register(config); // likewise: <id> would swallow "/similar"
            new PaperApi(papers, listings::upvotes).register(config);
            new DailyPapersApi(listings).register(config);
            new ListingFeeds(listings).register(config);
            new SearchFeeds(search, papers, ranking).register(config);
            new SearchPages(search, papers, ranking).register(config);
            new ListingPages(listings).register(config);
            new PaperPages(papers, id -> featured(listings, id), id -> similarApi.likeInOrder(id, SIMILAR_ON_PAGE))
                    .register(config);
            config.routes.exception(HttpResponseException.class, WebServer::userError);
            config.routes.exception(Exception.class, WebServer::internalError);
            config.routes.error(404, WebServer::notFound);
        });
        app.start(host, port);
        return new WebServer(app, metrics, changes, owned);
    }

    /** Every HTTP route, as "GET /api/papers/<id>", for the OpenAPI check. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    public int port() {
        return app.port();
    }

    public void stop() {
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
        // ETags come from PageCache, computed once per cached answer.
        config.http.generateEtags = false;
        config.http.compressionStrategy = CompressionStrategy.GZIP;
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "public, max-age=3600");
        });
        config.routes.before(HttpPolicy::securityHeaders);
    }

    private static void openApi(Context ctx) throws java.io.IOException {
        try (var in = WebServer.class.getResourceAsStream("/api/openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static List<Featured> featured(ListingService listings, String paperId) {
        return listings.forPaper(paperId).stream()
                .map((ListingEntry e) -> new Featured(e.day(), e.submittedBy(), e.upvotes()))
                .toList();
    }

    private static void userError(HttpResponseException e, Context ctx) {
        // Javalin's own 404 for an unknown path names its router ("Endpoint GET /x not found").
        String message = e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ")
                ? "no such page: " + ctx.path() : e.getMessage();
        Errors.respond(ctx, HttpStatus.forStatus(e.getStatus()), message);
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
