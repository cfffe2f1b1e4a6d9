package io.paperboy.foryou;

import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.PaperVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A member's "for you" feed: papers like the ones they upvoted and saved. Candidates are the
 * papers whose embeddings lie nearest the member's liked papers; the per-member linear classifier
 * (chosen over the centroid by the offline evaluation in docs/benchmarks.md) ranks them, liked
 * papers against the candidates, as arxiv-sanity ranks against all others.
 */
public final class ForYou {
    /** Why a feed is empty, so the page can say what to do. */
    public enum Empty { NOTHING_LIKED, NO_EMBEDDINGS, NONE }

    /** The feed, or why there is none. */
    public record Feed(List<Recommendation> items, Empty empty) {}

    static final int CANDIDATES = 200;

    private final PaperService papers;
    private final PaperVectors vectors;
    private final Function<Long, List<String>> upvoted;
    private final ReadingList readingList;
    private final Ranker ranker = new LinearRanker();

    /** {@code upvoted} lists a member's upvoted paper ids, newest first (from the vote feature). */
    public ForYou(PaperService papers, PaperVectors vectors, Function<Long, List<String>> upvoted, ReadingList readingList) {
        this.papers = papers;
        this.vectors = vectors;
        this.upvoted = upvoted;
        this.readingList = readingList;
    }

    public Feed feed(long memberId, int limit) {
        List<String> upvotes = upvoted.apply(memberId);
        Set<String> liked = new LinkedHashSet<>(upvotes);
        liked.addAll(readingList.savedIds(memberId));
        if (liked.isEmpty()) {
            return new Feed(List.of(), Empty.NOTHING_LIKED);
        }
        Map<String, float[]> likedVectors = vectors.of(liked);
        if (likedVectors.isEmpty()) {
            return new Feed(List.of(), Empty.NO_EMBEDDINGS);
        }
        List<String> candidateIds = vectors.nearest(Vectors.centroid(List.copyOf(likedVectors.values())), CANDIDATES + liked.size())
                .stream().filter(id -> !liked.contains(id)).toList();
        Map<String, float[]> candidates = vectors.of(candidateIds);
        if (candidates.isEmpty()) {
            return new Feed(List.of(), Empty.NONE);
        }
        Ranker.Scorer scorer = ranker.train(List.copyOf(likedVectors.values()), List.copyOf(candidates.values()));
        List<String> ranked = new ArrayList<>(candidates.keySet());
        ranked.sort(Comparator.comparingDouble((String id) -> scorer.score(candidates.get(id))).reversed());
        List<String> top = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<String, Paper> byId = papers.findAll(new ArrayList<>(new LinkedHashSet<>(concat(top, likedVectors.keySet()))));
        List<Recommendation> items = new ArrayList<>();
        for (String id : top) {
            String because = mostAlike(candidates.get(id), likedVectors);
            if (byId.containsKey(id) && byId.containsKey(because)) {
                items.add(new Recommendation(byId.get(id), byId.get(because), upvotes.contains(because)));
            }
        }
        return new Feed(items, items.isEmpty() ? Empty.NONE : null);
    }

    private static String mostAlike(float[] vector, Map<String, float[]> liked) {
        float[] unit = Vectors.normalized(vector);
        return liked.entrySet().stream()
                .max(Comparator.comparingDouble(e -> Vectors.dot(unit, Vectors.normalized(e.getValue()))))
                .orElseThrow().getKey();
    }

    private static List<String> concat(List<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
