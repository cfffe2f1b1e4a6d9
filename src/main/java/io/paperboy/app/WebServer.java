package io.paperboy.app;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.paperboy.db.Database;
import io.paperboy.digest.DigestService;
import io.paperboy.keyword.KeywordWorker;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchService;
import io.paperboy.user.AuthFilter;
import io.paperboy.web.Errors;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Page;
import io.paperboy.web.TrustedProxies;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's web server: Javalin over the node's services ({@link Node}), answering the routes of
 * {@link Routes#TABLE} behind the site's filters (security headers, the visitor, metrics, the page
 * cache), with compression, ETags and error pages. Stopping it stops its {@link Lifecycle}: the
 * server first, then every loop and resource it started, in reverse order.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final String DEMO_NOTICE = "Demo site: the papers are real; the days they are featured on, the members, "
            + "their upvotes and comments are made up.";

    // Jetty's default 8 KiB would answer a long search URL with a bare 414; with room for twice the
    // query limit URL-encoded, the search API explains the limit in a JSON 400.
    private static final int MAX_REQUEST_HEADER_BYTES = 32 * 1024;

    // Longer than the keep-alive of what usually stands in front (nginx's upstream and cloud balancers
    // keep idle connections 60 s), so that the client, not this server, closes an idle connection:
    // with Jetty's 30 s, a client reusing a connection in the instant this server closes it has its
    // request lost, and a proxy does not retry a POST.
    static final Duration IDLE_CONNECTION = Duration.ofSeconds(75);

    private final Javalin app;
    private final Node node;
    private final Lifecycle life;

    private WebServer(Javalin app, Node node, Lifecycle life) {
        this.app = app;
        this.node = node;
        this.life = life;
    }

    /**
     * Starts on {@code host:port} (port 0 picks a free one) with a search index in memory that
     * follows the store, for tests and tools without a data folder; stopping closes it.
     */
    public static WebServer start(Database db, Site site, String host, int port) {
        Lifecycle life = new Lifecycle();
        SearchIndex index = life.started("search index", SearchIndex.inMemory());
        IndexFollower follower =
                new IndexFollower(new PaperService(db), index, new EmbeddingStore(db, Embedder.BGE_SMALL));
        follower.start(ServeCommand.FOLLOW_INTERVAL_MS);
        life.started("index follower", follower);
        // A name of its own: two servers of one process on one store are two nodes to the job's lease.
        String keywordNode = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        KeywordWorker keywords = new KeywordWorker(db, new PaperService(db), null, keywordNode);
        keywords.start(ServeCommand.FOLLOW_INTERVAL_MS);
        life.started("keyword worker", keywords);
        return start(life, db, site, index, null, host, port, node -> {});
    }

    /**
     * Starts on {@code host:port} searching {@code index}, which the caller keeps caught up and
     * closes; with an {@code embedder} (null: keywords only) search ranks hybrid by default.
     */
    public static WebServer start(Database db, Site site, SearchIndex index, Embedder embedder, String host, int port) {
        return start(new Lifecycle(), db, site, index, embedder, host, port, node -> {});
    }

    /**
     * Builds the node's services on {@code life} (their loops are noted there), lets {@code beside}
     * start the loops that use them (the schedules {@code serve} runs), and starts the server last,
     * so that it stops first; {@link #stop} stops everything {@code life} holds.
     */
    static WebServer start(
            Lifecycle life,
            Database db,
            Site site,
            SearchIndex index,
            Embedder embedder,
            String host,
            int requestedPort,
            java.util.function.Consumer<Node> beside) {
        // Mailed links need the address before the server starts, so a free port is chosen here.
        int port = requestedPort == 0 ? FreePort.find(host) : requestedPort;
        Node node = new Node(
                life,
                db,
                site,
                index,
                new SearchService(index, embedder),
                embedder == null ? Ranking.BM25 : Ranking.HYBRID,
                host,
                port);
        beside.accept(node);
        Javalin app = Javalin.create(config -> {
            configureHttp(config);
            // ctx.ip(), which every limit per client address counts, reads X-Forwarded-For only through trusted
            // proxies.
            TrustedProxies proxies = site.trustedProxies();
            config.contextResolver.ip = ctx -> proxies.client(
                    ctx.req().getRemoteAddr(),
                    proxies.none()
                            ? List.of()
                            : Collections.list(
                                    ctx.req().getHeaders(proxies.header().headerName())));
            if (node.notice != null) {
                config.routes.before(ctx -> Page.setSiteNotice(ctx, node.notice));
            }
            node.auth.register(config); // first: every later handler asks who the visitor is
            node.metrics.register(config);
            node.pageCache.register(config);
            for (Routes.Route route : Routes.TABLE) {
                config.routes.addEndpoint(new io.javalin.router.Endpoint(
                        route.method(), route.path(), route.handler().apply(node)));
            }
            config.routes.after(HttpPolicy::privateForMembers);
            config.routes.exception(HttpResponseException.class, WebServer::userError);
            config.routes.exception(InvalidForm.class, WebServer::invalidForm);
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (!node.storeUnavailable.handle(e, ctx)) {
                    internalError(e, ctx);
                }
            });
            config.routes.error(404, WebServer::notFound);
        });
        app.start(host, port);
        life.started("metrics listener", node.metrics);
        life.started("web server", app::stop);
        return new WebServer(app, node, life);
    }

    /** Every HTTP route the server answers, as "GET /api/papers/<id>", in the order they match. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    /** The digest runs of this server's site, for the schedule {@code serve} starts. */
    public DigestService digests() {
        return node.digests;
    }

    /** The site's webhook destinations and their delivery, as the pages manage them; serve's schedule delivers with it. */
    public io.paperboy.webhook.WebhookService webhooks() {
        return node.webhooks;
    }

    /** The node this server answers for: its services, for the loops {@code serve} starts beside it. */
    Node node() {
        return node;
    }

    /** The store's change number as this server's page cache last saw it (it polls). */
    public long changesSeen() {
        return node.changesSeen();
    }

    public int port() {
        return app.port();
    }

    /** Serves {@code /metrics} to anyone on {@code host:port} (0: a free port), for Prometheus; returns the port. */
    public int listenForMetrics(String host, int port) {
        return node.metrics.listen(host, port);
    }

    public void stop() {
        stop(Duration.ZERO);
    }

    /**
     * Stops taking connections at once (a new one is refused), lets requests in flight finish for
     * up to {@code drain} (Jetty's graceful stop), then stops every loop and resource of its
     * {@link Lifecycle} in reverse order; SIGTERM to {@code serve} does this.
     */
    public void stop(Duration drain) {
        app.jettyServer().server().setStopTimeout(drain.toMillis());
        life.close();
    }

    private static void configureHttp(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.concurrency.useVirtualThreads = true;
        // ctx.json writes through the site's one mapper (io.paperboy.json.Json), as everything else does.
        config.jsonMapper(new io.javalin.json.JavalinJackson(io.paperboy.json.Json.mapper(), true));
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(HttpPolicy.jettyErrorHandler());
            // Counts requests in flight so that a graceful stop waits for them (Javalin nests its handler inside).
            server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            // Javalin adds its connector before the server starts, so this is the moment to set it.
            server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
                    for (var connector : server.getConnectors()) {
                        if (connector instanceof org.eclipse.jetty.server.AbstractConnector idle) {
                            idle.setIdleTimeout(IDLE_CONNECTION.toMillis());
                        }
                    }
                }
            });
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

    static void openApi(Context ctx) throws java.io.IOException {
        try (var in = WebServer.class.getResourceAsStream("/api/openapi.json")) {
            ctx.contentType("application/json")
                    .result(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static void userError(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 401 && AuthFilter.bearer(ctx) != null) {
            // A bad API token: the login page would get the same header and refuse it again, so a
            // redirect there would loop. The client must fix its token, not sign in.
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else if (e.getStatus() == 401 && !ctx.path().startsWith("/api/")) {
            // A browser without a session goes to the login page and comes back after.
            String back = ctx.method() == io.javalin.http.HandlerType.GET
                    ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                    : refererPath(ctx);
            ctx.redirect(
                    "/login?next=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
            return;
        }
        String retryAfter = e.getDetails().get("retryAfter");
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter);
        }
        // Javalin's own 404 for an unknown path names its router ("Endpoint GET /x not found").
        String message = e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ")
                ? "no such page: " + ctx.path()
                : e.getMessage();
        Errors.respond(ctx, HttpStatus.forStatus(e.getStatus()), message);
    }

    /**
     * Form problems that reached no page of their own, every field named: an HTML form refused for
     * its content answers 422 (STYLE.md), the JSON API 400.
     */
    private static void invalidForm(InvalidForm e, Context ctx) {
        Errors.respond(
                ctx, Errors.wantsJson(ctx) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    private static String refererPath(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            return uri.getRawAuthority() != null
                            && uri.getRawAuthority().equalsIgnoreCase(ctx.host())
                            && uri.getRawPath() != null
                    ? uri.getRawPath()
                    : "/";
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
