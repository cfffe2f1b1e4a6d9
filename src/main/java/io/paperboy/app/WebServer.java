package io.paperboy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.db.Database;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperApi;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchApi;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the features' routes into one Javalin server and maps errors to JSON. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

    private final Javalin app;
    private final List<AutoCloseable> owned;

    private WebServer(Javalin app, List<AutoCloseable> owned) {
        this.app = app;
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
        return start(db, index, host, port, List.of(follower, index));
    }

    /**
     * Starts on {@code host:port} searching {@code index}, which the caller keeps caught up and
     * closes; with an {@code embedder} (null: keywords only) search ranks hybrid by default.
     */
    public static WebServer start(Database db, SearchIndex index, Embedder embedder, String host, int port) {
        return start(db, new SearchService(index, embedder), embedder == null ? Ranking.BM25 : Ranking.HYBRID,
                host, port, List.of());
    }

    private static WebServer start(Database db, SearchIndex index, String host, int port, List<AutoCloseable> owned) {
        return start(db, new SearchService(index), Ranking.BM25, host, port, owned);
    }

    private static WebServer start(Database db, SearchService search, Ranking ranking, String host, int port,
            List<AutoCloseable> owned) {
        PaperService papers = new PaperService(db);
        ListingService listings = new ListingService(db);
        PaperApi paperApi = new PaperApi(papers, listings::upvotes);
        SearchApi searchApi = new SearchApi(search, papers, paperApi::render, ranking);
        Health health = new Health(papers);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            // Jetty's default 8 KiB would answer a long search URL with a bare 414; with room for
            // twice the query limit URL-encoded, the search API explains the limit in a JSON 400.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
            config.routes.get("/health", health::handle);
            searchApi.register(config); // before /api/papers/<id>, which would take "search" for an id
            paperApi.register(config);
            config.routes.exception(Exception.class, WebServer::internalError);
            config.routes.error(404, WebServer::notFound);
        });
        app.start(host, port);
        return new WebServer(app, owned);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping: cannot close {}", resource, e);
            }
        }
    }

    private static void internalError(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        json(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    }

    private static void notFound(Context ctx) {
        if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
            json(ctx, HttpStatus.NOT_FOUND, "no such page: " + ctx.path());
        }
    }

    private static void json(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json").result(JSON.createObjectNode().put("error", message).toString());
    }
}
