package io.paperboy.webhook;

import io.paperboy.jobs.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks on a schedule, for {@code serve}: every {@value #TICK_SECONDS} seconds each node queues
 * what is due (the outbox's unique key makes a second node's queueing a no-op) and delivers what
 * is pending (rows are claimed one by one, so nodes never send the same message).
 */
public final class WebhookSchedule implements AutoCloseable {
    static final long TICK_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSchedule.class);

    private final WebhookService webhooks;
    private final Clock clock;
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(30));

    public WebhookSchedule(WebhookService webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public WebhookSchedule start() {
        loop.start(
                "job-webhooks",
                Duration.ofSeconds(TICK_SECONDS),
                () -> {
                    WebhookService.Round round = webhooks.run(clock.instant());
                    if (round.queued() + round.sent() + round.retrying() + round.failed() > 0) {
                        LOG.info("webhooks: {}", round.summary());
                    }
                },
                e -> LOG.error("webhook round failed", e));
        return this;
    }

    @Override
    public void close() {
        loop.close();
    }
}
