package io.paperboy.bench;

import io.paperboy.db.Database;
import io.paperboy.foryou.CentroidRanker;
import io.paperboy.foryou.LinearRanker;
import io.paperboy.foryou.Ranker;
import io.paperboy.ingest.Importer;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Offline evaluation of "for you": how well each ranking recovers a synthetic member's held-out
 * upvotes (recall@10), on real papers embedded by BGE-small. See docs/benchmarks.md.
 *
 * <pre>java … io.paperboy.bench.ForYouEvaluation SHARED_DATA_DIR [--users N] [--seed S]</pre>
 *
 * Members are synthetic because no real vote data ships with the project: each likes one or two
 * interests — an arXiv archive (on the snapshot sample, whose papers carry categories) or a topic
 * named by title and abstract words (on the seed and Hugging Face papers, which carry none) — and
 * upvotes 6-12 papers of them plus one or two papers at random (people click on things). A third
 * of each member's interest upvotes are held out; each ranking learns from the rest and ranks
 * every paper the member has not upvoted; recall@10 is the share of held-out papers in its top 10.
 */
public final class ForYouEvaluation {
    private static final Map<String, Pattern> TOPICS = topics();

    record Interest(String name, List<Integer> papers) {}

    record Member(List<Integer> train, List<Integer> heldOut) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int users = intOption(args, "--users", 300);
        long seed = intOption(args, "--seed", 7);
        List<Paper> papers = load(data);
        System.out.printf("papers: %,d (seed, Hugging Face daily papers, arXiv snapshot sample)%n", papers.size());
        List<float[]> vectors = embeddings(
                papers,
                Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "paperboy-foryou-vectors-"
                                + Integer.toHexString(
                                        papers.stream().map(Paper::id).toList().hashCode()) + ".bin"));

        List<Interest> interests = interests(papers);
        interests.forEach(i -> System.out.printf(
                "  interest %-28s %3d papers%n", i.name(), i.papers().size()));
        List<Member> members = members(interests, papers.size(), users, new Random(seed));

        List<Ranker> rankers = List.of(new CentroidRanker(), new LinearRanker());
        System.out.printf(
                "%n%d synthetic members, %d held-out upvotes in all%n",
                members.size(),
                members.stream().mapToInt(m -> m.heldOut().size()).sum());
        System.out.printf("%-10s %10s %10s %16s%n", "ranking", "recall@10", "MRR", "ms per member");
        System.out.printf("%-10s %10.3f %10s%n", "random", randomRecall(members, papers.size()), "");
        for (Ranker ranker : rankers) {
            long start = System.nanoTime();
            double[] result = evaluate(ranker, members, vectors);
            double msPerMember = (System.nanoTime() - start) / 1e6 / members.size();
            System.out.printf("%-10s %10.3f %10.3f %16.2f%n", ranker.name(), result[0], result[1], msPerMember);
        }
    }

    // Embedding takes minutes on a busy 2-core machine; reruns with other members reuse the vectors.
    private static List<float[]> embeddings(List<Paper> papers, Path cache) throws java.io.IOException {
        if (Files.exists(cache)) {
            try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                List<float[]> vectors = new ArrayList<>();
                for (int i = 0; i < papers.size(); i++) {
                    float[] v = new float[Embedder.DIMENSION];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    vectors.add(v);
                }
                System.out.println("embeddings from " + cache);
                return vectors;
            }
        }
        long start = System.nanoTime();
        List<float[]> vectors = new Embedder().embedPapers(papers);
        System.out.printf("embedded with BGE-small-en-v1.5 in %.1f s%n", (System.nanoTime() - start) / 1e9);
        try (var out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            for (float[] v : vectors) {
                for (float x : v) {
                    out.writeFloat(x);
                }
            }
        }
        return vectors;
    }

    static double[] evaluate(Ranker ranker, List<Member> members, List<float[]> vectors) {
        double recall = 0;
        double mrr = 0;
        for (Member member : members) {
            List<float[]> liked = member.train().stream().map(vectors::get).toList();
            List<Integer> candidates = new ArrayList<>();
            List<float[]> others = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                if (!member.train().contains(i)) {
                    candidates.add(i);
                    others.add(vectors.get(i));
                }
            }
            Ranker.Scorer scorer = ranker.train(liked, others);
            candidates.sort(Comparator.comparingDouble((Integer i) -> scorer.score(vectors.get(i)))
                    .reversed());
            List<Integer> top = candidates.subList(0, 10);
            recall += (double) member.heldOut().stream().filter(top::contains).count()
                    / member.heldOut().size();
            int first = 0;
            while (!member.heldOut().contains(candidates.get(first))) {
                first++;
            }
            mrr += 1.0 / (first + 1);
        }
        return new double[] {recall / members.size(), mrr / members.size()};
    }

    private static double randomRecall(List<Member> members, int papers) {
        return members.stream()
                .mapToDouble(m -> 10.0 / (papers - m.train().size()))
                .average()
                .orElse(0);
    }

    static List<Member> members(List<Interest> interests, int paperCount, int count, Random random) {
        List<Member> members = new ArrayList<>();
        while (members.size() < count) {
            List<Interest> chosen = new ArrayList<>(List.of(interests.get(random.nextInt(interests.size()))));
            if (random.nextBoolean()) {
                Interest second = interests.get(random.nextInt(interests.size()));
                if (!chosen.contains(second)) {
                    chosen.add(second);
                }
            }
            List<Integer> pool = chosen.stream()
                    .flatMap(i -> i.papers().stream())
                    .distinct()
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            java.util.Collections.shuffle(pool, random);
            List<Integer> likes = pool.subList(0, Math.min(pool.size(), 6 + random.nextInt(7)));
            int heldOutCount = Math.max(1, likes.size() / 3);
            List<Integer> train = new ArrayList<>(likes.subList(heldOutCount, likes.size()));
            List<Integer> heldOut = new ArrayList<>(likes.subList(0, heldOutCount));
            int noise = 1 + random.nextInt(2);
            while (noise > 0) {
                int paper = random.nextInt(paperCount);
                if (!likes.contains(paper) && !train.contains(paper)) {
                    train.add(paper);
                    noise--;
                }
            }
            members.add(new Member(train, heldOut));
        }
        return members;
    }

    static List<Interest> interests(List<Paper> papers) {
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < papers.size(); i++) {
            Paper p = papers.get(i);
            String archive = archive(p.primaryCategory());
            if (archive != null) {
                byName.computeIfAbsent("archive " + archive, k -> new ArrayList<>())
                        .add(i);
            } else {
                String text = (p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT);
                for (Map.Entry<String, Pattern> topic : TOPICS.entrySet()) {
                    if (topic.getValue().matcher(text).find()) {
                        byName.computeIfAbsent("topic " + topic.getKey(), k -> new ArrayList<>())
                                .add(i);
                    }
                }
            }
        }
        return byName.entrySet().stream()
                .filter(e -> e.getValue().size() >= 9)
                .map(e -> new Interest(e.getKey(), e.getValue()))
                .toList();
    }

    // Archives of the snapshot sample's categories; null for papers without one (seed, Hugging Face).
    private static String archive(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String archive = category.split("[.]")[0];
        return archive.startsWith("hep") || archive.equals("gr-qc") || archive.startsWith("nucl")
                ? "hep-nucl-gr"
                : archive.equals("math-ph") ? "math" : archive;
    }

    private static Map<String, Pattern> topics() {
        Map<String, Pattern> topics = new LinkedHashMap<>();
        topics.put(
                "diffusion and generation",
                Pattern.compile("\\bdiffusion|image generation|text-to-image|video generation"));
        topics.put("language models", Pattern.compile("language model|\\bllms?\\b"));
        topics.put("reinforcement learning", Pattern.compile("reinforcement learning|\\brl\\b|reward"));
        topics.put("vision", Pattern.compile("\\bvision|visual|image|segmentation|3d\\b"));
        topics.put("agents and reasoning", Pattern.compile("\\bagent|reasoning|chain-of-thought"));
        topics.put("speech and audio", Pattern.compile("speech|audio|\\btts\\b"));
        topics.put("efficiency", Pattern.compile("quantiz|pruning|efficient|low-rank|sparsit"));
        topics.put("multilingual", Pattern.compile("multilingual|low-resource|translation"));
        return topics;
    }

    private static List<Paper> load(Path data) throws Exception {
        Path dir = Files.createTempDirectory("paperboy-foryou");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("papers.db")))) {
            PaperService papers = new PaperService(db);
            new Importer(db, papers, new ListingService(db, papers), LocalDate.of(2026, 11, 29))
                    .run(
                            List.of(
                                    data.resolve("seed/papers.jsonl"),
                                    data.resolve("hf-daily-papers/daily_papers-2026-06-12.json"),
                                    data.resolve("arxiv-kaggle-sample/arxiv-metadata-oai-snapshot.sample.jsonl")),
                            false);
            List<Paper> all = new ArrayList<>();
            papers.forEach(all::add);
            all.sort(Comparator.comparing(Paper::id));
            return all.stream()
                    .filter(Predicate.not(p -> p.abstractText().isBlank()))
                    .toList();
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
