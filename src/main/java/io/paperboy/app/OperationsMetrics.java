package io.paperboy.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.paperboy.jobs.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator page's figures on {@code /metrics}, from the same {@link Operations#snapshot()}:
 * a background loop reads it every {@link #EVERY} and a scrape only reads what the loop kept, so a
 * scrape never waits for the store (while the store is away the figures stay as last read and
 * {@code paperboy_operations_age_seconds} grows). Series come and go with the snapshot (a node, a
 * job, a harvest set); see {@link OperationsFigures} for names and labels.
 *
 * <p>Micrometer holds a gauge's object weakly: each gauge here is built with a strong reference
 * to this object, and {@link io.paperboy.web.Metrics} keeps its binders, so no figure turns NaN
 * after a garbage collection.
 */
final class OperationsMetrics implements MeterBinder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);
    /** How often the figures are read from the store. */
    static final Duration EVERY = Duration.ofSeconds(5);

    private final Operations operations;
    private final Clock clock;
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(5));
    private volatile Map<String, OperationsFigures.Figure> current = Map.of();
    private final Map<String, Meter> shown = new HashMap<>(); // guarded by this
    private MeterRegistry registry;
    private Counter failures;

    OperationsMetrics(Operations operations, Clock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("paperboy.build.info", () -> 1)
                .description("This node's version")
                .tags("version", Operations.version())
                .strongReference(true)
                .register(registry);
        failures = Counter.builder("paperboy.operations.read.failures")
                .description("Times the operator figures could not be read from the store")
                .register(registry);
    }

    /** Reads the figures now, then every {@link #EVERY}, until closed. */
    OperationsMetrics start() {
        loop.start("operations-metrics", EVERY, this::refresh, e -> {
            failures.increment();
            LOG.warn("metrics: cannot read the operator figures ({}); keeping the last ones", e.toString());
        });
        return this;
    }

    void refresh() {
        try {
            show(OperationsFigures.of(operations.snapshot()));
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
    }

    private synchronized void show(List<OperationsFigures.Figure> figures) {
        Map<String, OperationsFigures.Figure> next = figures.stream()
                .collect(Collectors.toMap(OperationsFigures.Figure::key, Function.identity(), (a, b) -> b));
        current = next;
        for (OperationsFigures.Figure f : figures) {
            shown.computeIfAbsent(f.key(), key -> register(f));
        }
        shown.entrySet().removeIf(e -> {
            if (next.containsKey(e.getKey())) {
                return false;
            }
            registry.remove(e.getValue()); // the node, job or set is gone, so is its series
            return true;
        });
    }

    private Meter register(OperationsFigures.Figure f) {
        String key = f.key();
        if (f.counter()) {
            // A function counter has no strong-reference option; this object is kept by Metrics.
            return FunctionCounter.builder(f.name(), this, m -> m.value(key))
                    .description(f.description())
                    .tags(f.tags().toArray(String[]::new))
                    .register(registry);
        }
        return Gauge.builder(f.name(), this, m -> m.value(key))
                .description(f.description())
                .tags(f.tags().toArray(String[]::new))
                .strongReference(true)
                .register(registry);
    }

    private double value(String key) {
        OperationsFigures.Figure f = current.get(key);
        return f == null ? Double.NaN : f.value().applyAsDouble(clock.instant());
    }

    @Override
    public void close() {
        loop.close();
    }
}
