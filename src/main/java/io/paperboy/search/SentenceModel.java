package io.paperboy.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * BGE-small-en-v1.5 (quantized ONNX, from langchain4j's artifact on Maven Central) run by ONNX
 * Runtime with thread settings for a small shared machine: one text at a time, on as many ONNX
 * Runtime threads as cores, which sleep rather than spin while they wait. langchain4j's defaults
 * embed as many texts at once as there are cores, each on a spinning thread pool as large as the
 * machine, so on 2 cores four busy threads share two cores. Measured under heavy load only
 * (docs/benchmarks.md, "Embedding speed"); the same model and tokenizer give the same vectors.
 */
final class SentenceModel extends AbstractInProcessEmbeddingModel {
    static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

    /** How texts share the cores: {@code parallelTexts} at once, each on {@code threadsPerText} ONNX threads. */
    record Threads(int parallelTexts, int threadsPerText) {
        static Threads tuned() {
            return new Threads(1, Runtime.getRuntime().availableProcessors());
        }
    }

    private final OnnxBertBiEncoder encoder;
    private final Threads threads;

    private SentenceModel(ExecutorService executor, OnnxBertBiEncoder encoder, Threads threads) {
        super(executor);
        this.encoder = encoder;
        this.threads = threads;
    }

    static SentenceModel load(Threads threads) {
        ExecutorService executor = Executors.newFixedThreadPool(
                threads.parallelTexts(),
                Thread.ofPlatform().daemon().name("embedding-", 0).factory());
        try (InputStream model = resource(MODEL_RESOURCE);
                InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads.threadsPerText());
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new SentenceModel(
                    executor, new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS), threads);
        } catch (IOException e) {
            executor.shutdown();
            throw new UncheckedIOException("embeddings: cannot read the model from the jar", e);
        } catch (OrtException e) {
            executor.shutdown();
            throw new IllegalStateException("embeddings: ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("embeddings: " + name + " is missing from this build");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    public String toString() {
        return "BGE-small-en-v1.5 quantized, " + threads.parallelTexts() + " texts at once, " + threads.threadsPerText()
                + " ONNX thread(s) each";
    }
}
