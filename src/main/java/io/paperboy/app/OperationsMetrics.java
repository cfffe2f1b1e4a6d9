package io.paperboy.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The operator page's figures on {@code /metrics}: one snapshot of the store per scrape at most
 * every few seconds (not one query per gauge). So far the version and the store's size: the
 * outbox, embedding, lag and job gauges read NaN in OperatorPagesTest and are left out until that
 * is understood (uptime is the standard process_uptime_seconds).
 */
final class OperationsMetrics implements MeterBinder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OperationsMetrics.class);
    private static final Duration FRESH = Duration.ofSeconds(5);

    private final Operations operations;
    private Operations.Snapshot last;
    private long lastAtNanos;

    OperationsMetrics(Operations operations) {
        this.operations = operations;
    }

    private synchronized Operations.Snapshot snapshot() {
        if (last == null || System.nanoTime() - lastAtNanos > FRESH.toNanos()) {
            last = operations.snapshot();
            lastAtNanos = System.nanoTime();
        }
        return last;
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Operations.Snapshot> value,
            String... tags) {
        Gauge.builder(name, this, m -> {
            try {
                return value.applyAsDouble(m.snapshot());
            } catch (RuntimeException e) {
                LOG.warn("metrics: {} has no value now: {}", name, e.toString());
                return Double.NaN; // the store is unreachable: no figure rather than a wrong one
            }
        }).description(description).tags(tags).strongReference(true).register(registry); // else collected: NaN
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("paperboy.build.info", () -> 1).description("This node's version")
                .tags("version", Operations.version()).strongReference(true).register(registry);
        gauge(registry, "paperboy.store.size.bytes", "The store's size on disk", Operations.Snapshot::storeBytes);
    }
}
