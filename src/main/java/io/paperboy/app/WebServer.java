package io.paperboy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.db.Database;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperApi;
import io.paperboy.paper.PaperService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the features' routes into one Javalin server and maps errors to JSON. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code host:port} (port 0 picks a free one). */
    public static WebServer start(Database db, String host, int port) {
        PaperService papers = new PaperService(db);
        ListingService listings = new ListingService(db);
        PaperApi paperApi = new PaperApi(papers, listings::upvotes);
        Health health = new Health(papers);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.routes.get("/health", health::handle);
            paperApi.register(config);
            config.routes.exception(Exception.class, WebServer::internalError);
            config.routes.error(404, WebServer::notFound);
        });
        app.start(host, port);
        return new WebServer(app);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
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
