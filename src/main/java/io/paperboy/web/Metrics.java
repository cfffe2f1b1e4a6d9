package io.paperboy.web;

import com.sun.net.httpserver.HttpServer;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in Prometheus text format: JVM metrics and one request timer tagged by
 * route template (not raw path, so a crawler cannot blow up the number of series). Per-route
 * counters tell an attacker how logins fare, so the site's own port shows them to admins only;
 * Prometheus scrapes a listener of its own ({@link #listen}, {@code serve --metrics-port}), bound
 * to the loopback address unless the operator says otherwise.
 */
public final class Metrics implements AutoCloseable {
    private static final String STARTED = "paperboy.request.start";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    // Kept for the registry's life: gauges built on a binder hold it only weakly.
    private final java.util.List<MeterBinder> binders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile HttpServer listener;

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Adds a feature's own meters (gauges read at each scrape). */
    public void bind(MeterBinder binder) {
        binders.add(binder);
        binder.bindTo(registry);
    }

    public void register(JavalinConfig config) {
        config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        config.routes.after(this::record);
    }

    /** {@code GET /metrics} on the site's own port: admins only (Prometheus scrapes the --metrics-port listener). */
    public void scrape(io.javalin.http.Context ctx) {
        Visitor.requireRole(ctx, Role.ADMIN);
        ctx.contentType(CONTENT_TYPE).header("Cache-Control", "no-store").result(registry.scrape());
    }

    /**
     * Serves {@code GET /metrics} to anyone who can reach {@code host:port} (port 0: any free one),
     * for Prometheus; returns the port. Stopped by {@link #close}.
     */
    public int listen(String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/metrics", exchange -> {
                byte[] body = "GET".equals(exchange.getRequestMethod())
                        ? registry.scrape().getBytes(StandardCharsets.UTF_8)
                        : "GET only\n".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                exchange.sendResponseHeaders("GET".equals(exchange.getRequestMethod()) ? 200 : 405, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            listener = server;
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("metrics: cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private void record(Context ctx) {
        // Static files and requests no route matched are counted together.
        io.javalin.router.Endpoint matched = ctx.endpoints().lastHttpEndpoint();
        record(ctx, matched == null ? "other" : matched.path);
    }

    /** Records a request answered for {@code route}, also when its handler did not run. */
    public void record(Context ctx, String route) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.stop(0);
        }
        gc.close();
        registry.close();
    }
}
