package io.paperboy.foryou;

import io.paperboy.search.PaperVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a member's picks from their likes: candidates are the papers whose embeddings lie
 * nearest the liked papers' centroid; the per-member linear classifier (chosen over the centroid
 * by the offline evaluation in docs/benchmarks.md) ranks them, liked papers against the
 * candidates, as arxiv-sanity ranks against all others. About 100 ms of CPU per member, so the
 * result is stored (see {@link ForYou}) rather than computed per page or per digest.
 */
final class PickRanking {
    static final int CANDIDATES = 200;

    /** The picks, best first, or why there are none ({@code empty} is null when there are some). */
    record Result(List<Pick> picks, ForYou.Empty empty) {}

    private final PaperVectors vectors;
    private final Ranker ranker = new LinearRanker();

    PickRanking(PaperVectors vectors) {
        this.vectors = vectors;
    }

    Result rank(Likes likes, int limit) {
        Set<String> liked = likes.all();
        if (liked.isEmpty()) {
            return new Result(List.of(), ForYou.Empty.NOTHING_LIKED);
        }
        Map<String, float[]> likedVectors = vectors.of(liked);
        if (likedVectors.isEmpty()) {
            return new Result(List.of(), ForYou.Empty.NO_EMBEDDINGS);
        }
        List<String> candidateIds = vectors.nearest(Vectors.centroid(List.copyOf(likedVectors.values())), CANDIDATES + liked.size())
                .stream().filter(id -> !liked.contains(id)).toList();
        Map<String, float[]> candidates = vectors.of(candidateIds);
        if (candidates.isEmpty()) {
            return new Result(List.of(), ForYou.Empty.NONE);
        }
        Ranker.Scorer scorer = ranker.train(List.copyOf(likedVectors.values()), List.copyOf(candidates.values()));
        List<String> ranked = new ArrayList<>(candidates.keySet());
        ranked.sort(Comparator.comparingDouble((String id) -> scorer.score(candidates.get(id))).reversed());
        List<Pick> picks = new ArrayList<>();
        for (String id : ranked.subList(0, Math.min(limit, ranked.size()))) {
            String because = mostAlike(candidates.get(id), likedVectors);
            picks.add(new Pick(id, because, likes.upvoted().contains(because)));
        }
        return new Result(picks, null);
    }

    private static String mostAlike(float[] vector, Map<String, float[]> liked) {
        float[] unit = Vectors.normalized(vector);
        return liked.entrySet().stream()
                .max(Comparator.comparingDouble(e -> Vectors.dot(unit, Vectors.normalized(e.getValue()))))
                .orElseThrow().getKey();
    }
}
