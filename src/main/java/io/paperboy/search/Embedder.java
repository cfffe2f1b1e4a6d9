package io.paperboy.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.paperboy.paper.Paper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings computed in-process by BGE-small-en-v1.5 (quantized ONNX, 384 dimensions;
 * Xiao et al., "C-Pack: Packaged Resources To Advance General Chinese Embedding", 2023). Papers are
 * embedded as title and abstract; queries get the model's retrieval instruction, as its authors
 * recommend for short queries against passages. Query embeddings are cached.
 */
public final class Embedder {
    public static final int DIMENSION = 384;
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    private static final int QUERY_CACHE_SIZE = 1024;

    /** The model's name as the store records it beside its vectors. */
    public static final String BGE_SMALL = "BGE-small-en-v1.5 (quantized)";

    private final EmbeddingModel model;
    private final String name;
    private final String queryInstruction;
    private final Map<String, float[]> queries =
            Collections.synchronizedMap(new LinkedHashMap<>(QUERY_CACHE_SIZE, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > QUERY_CACHE_SIZE;
                }
            });

    public Embedder() {
        this(SentenceModel.load(SentenceModel.Threads.tuned()), QUERY_INSTRUCTION, BGE_SMALL);
    }

    /** An embedder over another model of {@value #DIMENSION} dimensions (the speed benchmark's random vectors). */
    public Embedder(EmbeddingModel model) {
        this(model, QUERY_INSTRUCTION);
    }

    /** An embedder over another model, whose queries get {@code queryInstruction} ("" for none) in front. */
    public Embedder(EmbeddingModel model, String queryInstruction) {
        this(model, queryInstruction, model.getClass().getName());
    }

    /** An embedder over {@code model}, whose vectors the store keeps under {@code name}. */
    public Embedder(EmbeddingModel model, String queryInstruction, String name) {
        this.model = model;
        this.queryInstruction = queryInstruction;
        this.name = name;
    }

    /** The name the store keeps this model's vectors under: nodes with the same name share them. */
    public String name() {
        return name;
    }

    /** The text a paper's embedding is computed from. */
    static String textOf(Paper p) {
        return p.abstractText().isBlank() ? p.title() : p.title() + ". " + p.abstractText();
    }

    /** One vector per paper, in order. */
    public List<float[]> embedPapers(List<Paper> papers) {
        List<TextSegment> texts = new ArrayList<>(papers.size());
        for (Paper p : papers) {
            texts.add(TextSegment.from(textOf(p)));
        }
        return model.embedAll(texts).content().stream().map(Embedding::vector).toList();
    }

    /** One vector per short text (a key phrase), in order, without the query instruction. */
    public List<float[]> embedPhrases(List<String> phrases) {
        List<TextSegment> texts = phrases.stream().map(TextSegment::from).toList();
        return model.embedAll(texts).content().stream().map(Embedding::vector).toList();
    }

    /** The model and its settings, for benchmark reports. */
    public String describe() {
        return model.toString();
    }

    /** The vector of a search query (from the cache when asked before). */
    public float[] embedQuery(String query) {
        return queries.computeIfAbsent(
                query, q -> model.embed(queryInstruction + q).content().vector());
    }
}
