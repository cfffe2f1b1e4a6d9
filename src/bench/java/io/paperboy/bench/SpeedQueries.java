package io.paperboy.bench;

import io.paperboy.ingest.SnapshotLines;
import io.paperboy.paper.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The speed benchmark's queries, drawn from the corpus's own words. */
final class SpeedQueries {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    private SpeedQueries() {}

    /**
     * {@code size} queries of 1-4 words, drawn by frequency from the words of the first
     * {@code sample} papers (stop words and the 50 most frequent words left out), one in ten a
     * two-word phrase from a title instead; the same seed gives the same queries.
     */
    static List<String[]> generate(Path input, int sample, int size, long seed) throws Exception {
        SnapshotLines parser = new SnapshotLines();
        Map<String, Integer> counts = new HashMap<>();
        List<String> titles = new ArrayList<>();
        try (Stream<String> lines = Files.lines(input)) {
            long[] n = {0};
            lines.limit(sample).forEach(line -> {
                Paper p = parser.parse(line, ++n[0]);
                titles.add(p.title());
                for (String w : words(p.title() + " " + p.abstractText())) {
                    counts.merge(w, 1, Integer::sum);
                }
            });
        }
        Set<?> stop = Set.copyOf(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.stream()
                .map(Object::toString)
                .toList());
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> vocabulary = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Integer> e : ranked.subList(Math.min(50, ranked.size()), ranked.size())) {
            if (e.getKey().length() >= 3 && !stop.contains(e.getKey())) {
                vocabulary.add(e.getKey());
                cumulative.add(total += e.getValue());
            }
        }
        Random random = new Random(seed);
        Map<String, String[]> queries = new LinkedHashMap<>();
        while (queries.size() < size) {
            String[] q;
            if (random.nextInt(10) == 0) {
                List<String> words = words(titles.get(random.nextInt(titles.size())));
                if (words.size() < 2) {
                    continue;
                }
                int at = random.nextInt(words.size() - 1);
                q = new String[] {words.get(at) + " " + words.get(at + 1)};
            } else {
                q = new String[1 + random.nextInt(4)];
                for (int i = 0; i < q.length; i++) {
                    long pick = (long) (random.nextDouble() * total);
                    int at = Collections.binarySearch(cumulative, pick);
                    q[i] = vocabulary.get(at >= 0 ? Math.min(at + 1, vocabulary.size() - 1) : -at - 1);
                }
            }
            queries.putIfAbsent(String.join(" ", q), q);
        }
        return List.copyOf(queries.values());
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[\\s,.;:()\\[\\]\"'!?]+")) {
            if (WORD.matcher(token).matches()) {
                words.add(token);
            }
        }
        return words;
    }
}
