package io.paperboy.listing;

import io.paperboy.db.Database;
import io.paperboy.listing.ListingRepository.Counted;
import io.paperboy.vote.CastVote;
import io.paperboy.vote.VoteService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks listed papers by {@link TrendingScore}. The score is computed when asked, from every vote
 * a candidate has: it changes with the clock, so a stored column would be stale by the hour.
 */
final class Trending {
    /** Featured or upvoted this recently: a candidate, besides the most recently featured entries. */
    static final Duration CANDIDATE_WINDOW = Duration.ofDays(7);

    static final Duration LAST_DAY = Duration.ofHours(24);

    private final Database db;
    private final ListingRepository listings;
    private final VoteService votes;
    private final Clock clock;

    Trending(Database db, ListingRepository listings, VoteService votes, Clock clock) {
        this.db = db;
        this.listings = listings;
        this.votes = votes;
        this.clock = clock;
    }

    /**
     * The entries worth scoring: the {@code latest} most recently featured (so a quiet instance
     * still shows something), everything featured in the window, and every paper upvoted in it.
     * A paper outside all three has had no vote for a week and weighs almost nothing.
     */
    List<Counted> candidates(int latest) {
        Instant since = clock.instant().minus(CANDIDATE_WINDOW);
        Set<String> voted = votes.votedSince(since);
        LocalDate firstDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
        return db.withHandle(h -> {
            Map<String, Counted> byKey = new LinkedHashMap<>();
            listings.latest(h, latest).forEach(c -> byKey.put(c.entry().key(), c));
            listings.between(
                            h,
                            firstDay,
                            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))
                    .forEach(c -> byKey.put(c.entry().key(), c));
            listings.listCountedOf(h, voted).forEach(c -> byKey.put(c.entry().key(), c));
            return List.copyOf(byKey.values());
        });
    }

    /** {@code entries}' papers (those {@code withPapers} keeps), highest score first, each with its trend. */
    List<ListedPaper> rank(List<Counted> entries, Function<List<Counted>, List<ListedPaper>> withPapers) {
        Instant now = clock.instant();
        Map<String, Counted> newest = new LinkedHashMap<>();
        entries.forEach(c -> newest.merge(
                c.entry().paperId(),
                c,
                (a, b) -> a.entry().day().isAfter(b.entry().day()) ? a : b));
        Collection<String> ids = newest.keySet();
        Map<String, List<ListingEntry>> featurings = new HashMap<>();
        db.withHandle(h -> listings.listCountedOf(h, ids)).stream()
                .map(Counted::entry)
                .forEach(e -> featurings
                        .computeIfAbsent(e.paperId(), k -> new ArrayList<>())
                        .add(e));
        Map<String, List<Instant>> cast = new HashMap<>();
        for (CastVote vote : votes.castOn(ids)) {
            cast.computeIfAbsent(vote.paperId(), k -> new ArrayList<>()).add(vote.at());
        }
        List<ListedPaper> ranked = new ArrayList<>();
        for (ListedPaper p : withPapers.apply(List.copyOf(newest.values()))) {
            String id = p.paper().id();
            Trend trend = trend(featurings.getOrDefault(id, List.of(p.entry())), cast.getOrDefault(id, List.of()), now);
            ranked.add(new ListedPaper(p.paper(), p.entry(), p.upvotes(), trend));
        }
        ranked.sort(Comparator.comparingDouble((ListedPaper p) -> p.trend().score())
                .reversed()
                .thenComparing(p -> p.entry().day(), Comparator.reverseOrder())
                .thenComparing(p -> p.paper().id()));
        return ranked;
    }

    /** The score and its reasons from a paper's featurings (imported votes) and members' votes. */
    static Trend trend(List<ListingEntry> featurings, List<Instant> cast, Instant now) {
        double score = 0;
        int imported = 0;
        LocalDate first = null;
        for (ListingEntry e : featurings) {
            score += e.upvotes() * TrendingScore.weight(e.day().atStartOfDay().toInstant(ZoneOffset.UTC), now);
            imported += e.upvotes();
            first = first == null || e.day().isBefore(first) ? e.day() : first;
        }
        int lastDay = 0;
        for (Instant at : cast) {
            score += TrendingScore.weight(at, now);
            lastDay += at.isAfter(now.minus(LAST_DAY)) ? 1 : 0;
        }
        return new Trend(score, lastDay, cast.size(), imported, first);
    }
}
