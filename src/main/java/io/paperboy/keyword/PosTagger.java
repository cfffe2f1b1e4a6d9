package io.paperboy.keyword;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal Dependencies part-of-speech tags (NOUN, PROPN, ADJ, …) from Apache OpenNLP's English
 * Web Treebank model, which ships on Maven Central (opennlp-models-pos-en) and runs in-process.
 * The model is loaded once (about 0.3 s); a tagger is not thread-safe, so each thread gets its own.
 */
final class PosTagger {
    private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.2-2.5.0.bin";
    private static volatile POSModel model;
    private static final ThreadLocal<POSTaggerME> TAGGER =
            ThreadLocal.withInitial(() -> new POSTaggerME(model(), POSTagFormat.UD));

    private PosTagger() {}

    static String[] tag(String[] tokens) {
        return TAGGER.get().tag(tokens);
    }

    private static POSModel model() {
        POSModel m = model;
        if (m == null) {
            synchronized (PosTagger.class) {
                if (model == null) {
                    try (InputStream in = PosTagger.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("keywords: the part-of-speech model " + MODEL
                                    + " is not on the class path (opennlp-models-pos-en)");
                        }
                        model = new POSModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("keywords: cannot load the part-of-speech model " + MODEL, e);
                    }
                }
                m = model;
            }
        }
        return m;
    }
}
