package io.paperboy.keyword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperboy.paper.Paper;
import io.paperboy.search.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How our key phrases compare with the {@code ai_keywords} Hugging Face computed for the 30 papers
 * of the real daily-papers sample: the share of our top {@value #TOP} phrases that match one of
 * theirs exactly (after lower case and plural -s) and the share that shares a content word with
 * one of theirs. Run as docs/keywords.md says (argument {@code embedding} for the model's ranking).
 */
public final class KeywordQuality {
    static final int TOP = 5;

    /** The 30 sample papers with Hugging Face's phrases. */
    record Reference(Paper paper, List<String> hfKeywords) {}

    /** Exact and word-overlap precision of {@code ours} over the sample. */
    record Score(double exact, double partial, int phrases) {}

    static List<Reference> references() throws IOException {
        try (InputStream in = KeywordQuality.class.getResourceAsStream("/samples/daily_papers-2026-06-12.json")) {
            List<Reference> out = new ArrayList<>();
            for (JsonNode e : new ObjectMapper().readTree(in)) {
                JsonNode p = e.get("paper");
                List<String> hf = new ArrayList<>();
                p.path("ai_keywords").forEach(k -> hf.add(k.asText()));
                out.add(new Reference(
                        Paper.builder(p.get("id").asText(), p.get("title").asText())
                                .abstractText(p.get("summary").asText())
                                .build(),
                        hf));
            }
            return out;
        }
    }

    static Score score(List<Reference> refs, Function<Paper, List<String>> ours) {
        int exact = 0;
        int partial = 0;
        int total = 0;
        for (Reference r : refs) {
            Set<String> theirs =
                    r.hfKeywords().stream().map(KeywordQuality::norm).collect(Collectors.toSet());
            Set<String> theirWords =
                    theirs.stream().flatMap(k -> List.of(k.split(" ")).stream()).collect(Collectors.toSet());
            for (String k : ours.apply(r.paper()).stream().limit(TOP).toList()) {
                total++;
                String n = norm(k);
                exact += theirs.contains(n) ? 1 : 0;
                partial += List.of(n.split(" ")).stream().anyMatch(theirWords::contains) ? 1 : 0;
            }
        }
        return new Score((double) exact / total, (double) partial / total, total);
    }

    static String norm(String phrase) {
        return List.of(phrase.toLowerCase(Locale.ROOT).split("[\\s]+")).stream()
                .map(Keyphrases::stem)
                .collect(Collectors.joining(" "));
    }

    public static void main(String[] args) throws IOException {
        boolean embedding = args.length > 0 && args[0].equals("embedding");
        List<Reference> refs = references();
        EmbeddingKeyphrases ranker = embedding ? new EmbeddingKeyphrases(new Embedder()) : null;
        Function<Paper, List<String>> ours = embedding
                ? p -> ranker.rank(p, null, TOP)
                : p -> Keyphrases.statistical(p.title(), p.abstractText(), TOP);
        for (Reference r : refs.subList(0, 6)) {
            System.out.println(
                    r.paper().title() + "\n  ours: " + ours.apply(r.paper()) + "\n  HF:   " + r.hfKeywords());
        }
        Score s = score(refs, ours);
        System.out.printf(
                Locale.ROOT,
                "%s: %d phrases, exact match %.1f %%, shares a word %.1f %%%n",
                embedding ? "embedding" : "statistical",
                s.phrases(),
                100 * s.exact(),
                100 * s.partial());
    }
}
