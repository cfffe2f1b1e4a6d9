package io.paperboy.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The search index's progress on {@code /metrics}: how many papers it holds, the change numbers
 * its text and its embeddings have reached, and how many papers still wait for an embedding
 * (all of them when the server runs without embeddings).
 */
public final class SearchMetrics implements MeterBinder {
    private final SearchIndex index;

    public SearchMetrics(SearchIndex index) {
        this.index = index;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("paperboy.search.documents", index, i -> i.size())
                .description("Papers in the search index")
                .register(registry);
        Gauge.builder("paperboy.search.applied.change", index, i -> i.appliedSeq())
                .description("Last store change whose text the index holds")
                .register(registry);
        Gauge.builder("paperboy.search.vectors.applied", index, i -> i.vectorsSeq())
                .description("Stored embeddings (paper_embeddings.seq) read into the index up to this one")
                .register(registry);
        Gauge.builder("paperboy.search.embeddings.pending", index, i -> i.countWithoutVector())
                .description("Papers in the index without an embedding yet")
                .register(registry);
    }
}
