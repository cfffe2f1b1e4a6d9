package io.paperboy.foryou;

import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.search.PaperVectors;
import io.paperboy.search.SimilarPapers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A member's "for you" feed: papers like the ones they upvoted and saved (see {@link PickRanking}).
 * Ranking costs about 100 ms per member, so the picks are stored and computed again only when
 * stale: when the member's likes changed since (a different {@link Likes#signature()}), or when
 * they are older than {@link #MAX_AGE} (new papers may rank higher). The page refreshes its
 * member's picks when it shows them; a digest run refreshes those of the members it is about to
 * mail, once, before composing ({@link #refresh}), and digests then only read them ({@link #picks}).
 */
public final class ForYou {
    /** Why a feed is empty, so the page can say what to do. */
    public enum Empty {
        NOTHING_LIKED,
        NO_EMBEDDINGS,
        NONE
    }

    /** The feed, or why there is none. */
    public record Feed(List<Recommendation> items, Empty empty) {}

    /** How many picks are stored per member: the page's length. */
    public static final int STORED = 30;

    static final Duration MAX_AGE = Duration.ofDays(1);

    private final Database db;
    private final PaperService papers;
    private final PickRanking ranking;
    private final Function<Long, List<String>> upvoted;
    private final ReadingList readingList;
    private final Clock clock;
    private final PicksRepository stored = new PicksRepository();

    /**
     * Picks ranked by embeddings only: without them, members keep the picks they have (a digest
     * run's own index, which holds no embeddings, must not replace picks made by the server's).
     */
    public ForYou(
            Database db,
            PaperService papers,
            PaperVectors vectors,
            Function<Long, List<String>> upvoted,
            ReadingList readingList,
            Clock clock) {
        this(db, papers, vectors, null, upvoted, readingList, clock);
    }

    /**
     * {@code upvoted} lists a member's upvoted paper ids, newest first (from the vote feature);
     * {@code byWords} ranks by shared words when the liked papers have no embeddings.
     */
    public ForYou(
            Database db,
            PaperService papers,
            PaperVectors vectors,
            SimilarPapers byWords,
            Function<Long, List<String>> upvoted,
            ReadingList readingList,
            Clock clock) {
        this.db = db;
        this.papers = papers;
        this.ranking = new PickRanking(vectors, byWords);
        this.upvoted = upvoted;
        this.readingList = readingList;
        this.clock = clock;
    }

    /** The member's feed as the page shows it: their stored picks, computed again first when stale. */
    public Feed feed(long memberId, int limit) {
        Likes likes = likes(memberId);
        if (likes.isEmpty()) {
            return new Feed(List.of(), Empty.NOTHING_LIKED);
        }
        refreshIfStale(memberId, likes, clock.instant());
        Set<String> liked = likes.all();
        List<Pick> picks = picks(memberId, limit).stream()
                .filter(p -> !liked.contains(p.paperId()))
                .toList();
        if (picks.isEmpty()) {
            // Nothing was ever stored: the liked papers have no embeddings yet.
            boolean computed = db.withHandle(h -> stored.state(h, memberId)).isPresent();
            return new Feed(List.of(), computed ? Empty.NONE : Empty.NO_EMBEDDINGS);
        }
        List<Recommendation> items = recommendations(picks);
        return new Feed(items, items.isEmpty() ? Empty.NONE : null);
    }

    /**
     * Computes again the stored picks of those {@code memberIds} whose picks are stale at
     * {@code now}; returns how many. Members whose liked papers have no embeddings (semantic
     * search off, as in {@code paperboy digest run}'s own index) keep the picks they have.
     */
    public int refresh(Collection<Long> memberIds, Instant now) {
        int computed = 0;
        for (long memberId : memberIds) {
            computed += refreshIfStale(memberId, likes(memberId), now) ? 1 : 0;
        }
        return computed;
    }

    /** The member's stored picks, best first, as last computed: no check and no ranking (for digests). */
    public List<Pick> picks(long memberId, int limit) {
        return db.withHandle(h -> stored.list(h, memberId, limit));
    }

    /** What the member likes now: their upvotes and their reading list. */
    public Likes likes(long memberId) {
        return new Likes(upvoted.apply(memberId), readingList.savedIds(memberId));
    }

    private boolean refreshIfStale(long memberId, Likes likes, Instant now) {
        String signature = likes.signature();
        Optional<PicksRepository.State> state = db.withHandle(h -> stored.state(h, memberId));
        if (state.isPresent()
                && state.get().likesHash().equals(signature)
                && !state.get().computedAt().isBefore(now.minus(MAX_AGE))) {
            return false;
        }
        PickRanking.Result result = ranking.rank(likes, STORED);
        if (result.empty() == Empty.NO_EMBEDDINGS) {
            return false;
        }
        db.useTransaction(h -> stored.replace(h, memberId, result.picks(), signature, now));
        return true;
    }

    private List<Recommendation> recommendations(List<Pick> picks) {
        Set<String> ids = new LinkedHashSet<>();
        picks.forEach(p -> {
            ids.add(p.paperId());
            ids.add(p.becauseId());
        });
        Map<String, Paper> byId = papers.findAll(new ArrayList<>(ids));
        List<Recommendation> items = new ArrayList<>();
        for (Pick p : picks) {
            if (byId.containsKey(p.paperId()) && byId.containsKey(p.becauseId())) {
                items.add(new Recommendation(byId.get(p.paperId()), byId.get(p.becauseId()), p.upvoted()));
            }
        }
        return items;
    }
}
