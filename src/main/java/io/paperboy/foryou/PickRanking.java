package io.paperboy.foryou;

import io.paperboy.search.PaperVectors;
import io.paperboy.search.SimilarPapers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a member's picks from their likes: candidates are the papers whose embeddings lie
 * nearest the liked papers' centroid; the per-member linear classifier (chosen over the centroid
 * by the offline evaluation in docs/benchmarks.md) ranks them, liked papers against the
 * candidates, as arxiv-sanity ranks against all others; without embeddings, papers sharing the
 * liked papers' distinctive words (MoreLikeThis). About 100 ms of CPU per member, so the
 * result is stored (see {@link ForYou}) rather than computed per page or per digest.
 */
final class PickRanking {
    static final int CANDIDATES = 200;

    /** The picks, best first, or why there are none ({@code empty} is null when there are some). */
    record Result(List<Pick> picks, ForYou.Empty empty) {}

    private final PaperVectors vectors;
    private final SimilarPapers byWords;
    private final Ranker ranker = new LinearRanker();

    /** {@code byWords} ranks when the liked papers have no embeddings; null keeps "no embeddings" as the answer. */
    PickRanking(PaperVectors vectors, SimilarPapers byWords) {
        this.vectors = vectors;
        this.byWords = byWords;
    }

    Result rank(Likes likes, int limit) {
        Set<String> liked = likes.all();
        if (liked.isEmpty()) {
            return new Result(List.of(), ForYou.Empty.NOTHING_LIKED);
        }
        Map<String, float[]> likedVectors = vectors.of(liked);
        if (likedVectors.isEmpty()) {
            return byWords == null ? new Result(List.of(), ForYou.Empty.NO_EMBEDDINGS) : rankByWords(likes, limit);
        }
        List<String> candidateIds =
                vectors
                        .nearest(Vectors.centroid(List.copyOf(likedVectors.values())), CANDIDATES + liked.size())
                        .stream()
                        .filter(id -> !liked.contains(id))
                        .toList();
        Map<String, float[]> candidates = vectors.of(candidateIds);
        if (candidates.isEmpty()) {
            return new Result(List.of(), ForYou.Empty.NONE);
        }
        Ranker.Scorer scorer = ranker.train(List.copyOf(likedVectors.values()), List.copyOf(candidates.values()));
        List<String> ranked = new ArrayList<>(candidates.keySet());
        ranked.sort(Comparator.comparingDouble((String id) -> scorer.score(candidates.get(id)))
                .reversed());
        List<Pick> picks = new ArrayList<>();
        for (String id : ranked.subList(0, Math.min(limit, ranked.size()))) {
            String because = mostAlike(candidates.get(id), likedVectors);
            picks.add(new Pick(id, because, likes.upvoted().contains(because)));
        }
        return new Result(picks, null);
    }

    /**
     * Without embeddings (a server that does not embed, or liked papers not embedded yet): the
     * papers sharing the most distinctive words with each liked paper, newest likes first.
     */
    private Result rankByWords(Likes likes, int limit) {
        List<String> newestFirst = new ArrayList<>(likes.upvoted());
        likes.saved().stream().filter(id -> !newestFirst.contains(id)).forEach(newestFirst::add);
        List<Pick> picks = byWords.likeAny(newestFirst, limit).stream()
                .map(like ->
                        new Pick(like.paperId(), like.likeId(), likes.upvoted().contains(like.likeId())))
                .toList();
        return new Result(picks, picks.isEmpty() ? ForYou.Empty.NONE : null);
    }

    private static String mostAlike(float[] vector, Map<String, float[]> liked) {
        float[] unit = Vectors.normalized(vector);
        return liked.entrySet().stream()
                .max(Comparator.comparingDouble(e -> Vectors.dot(unit, Vectors.normalized(e.getValue()))))
                .orElseThrow()
                .getKey();
    }
}
