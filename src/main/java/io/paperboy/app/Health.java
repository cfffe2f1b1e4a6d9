package io.paperboy.app;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.paperboy.paper.PaperService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 with the paper count when the store answers, 503 when it does not. */
final class Health {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);

    private final PaperService papers;

    Health(PaperService papers) {
        this.papers = papers;
    }

    void handle(Context ctx) {
        ctx.contentType("application/json").header("Cache-Control", "no-store");
        try {
            long count = papers.count();
            ctx.result("{\"status\":\"ok\",\"papers\":" + count + "}");
        } catch (RuntimeException e) {
            LOG.warn("health check: the store does not answer", e);
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("{\"status\":\"unavailable\",\"reason\":\"store\"}");
        }
    }
}
