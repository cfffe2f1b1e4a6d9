package io.paperboy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BEIR dataset read from its folder: {@code corpus.jsonl}, {@code queries.jsonl} and
 * {@code qrels/SPLIT.tsv} (Thakur et al., "BEIR: A Heterogeneous Benchmark for Zero-shot
 * Evaluation of Information Retrieval Models", NeurIPS 2021).
 *
 * @param queries the split's queries by id, in file order
 * @param relevant relevant document ids per query id
 */
public record BeirDataset(List<Doc> corpus, Map<String, String> queries, Map<String, Set<String>> relevant) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A corpus document. */
    public record Doc(String id, String title, String text) {}

    public static BeirDataset load(Path folder, String split) throws IOException {
        Map<String, Set<String>> relevant = qrels(folder.resolve("qrels").resolve(split + ".tsv"));
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode q : lines(folder.resolve("queries.jsonl"))) {
            if (relevant.containsKey(q.get("_id").asText())) {
                queries.put(q.get("_id").asText(), q.get("text").asText());
            }
        }
        List<Doc> corpus = new ArrayList<>();
        for (JsonNode d : lines(folder.resolve("corpus.jsonl"))) {
            corpus.add(new Doc(
                    d.get("_id").asText(),
                    d.get("title").asText(),
                    d.get("text").asText()));
        }
        return new BeirDataset(corpus, queries, relevant);
    }

    private static Map<String, Set<String>> qrels(Path file) throws IOException {
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(file);
        for (String row : rows.subList(1, rows.size())) {
            String[] cols = row.split("\t");
            if (cols.length == 3 && Integer.parseInt(cols[2].trim()) > 0) {
                relevant.computeIfAbsent(cols[0], k -> new HashSet<>()).add(cols[1]);
            }
        }
        return relevant;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        }
        return nodes;
    }
}
