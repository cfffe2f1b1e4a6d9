package io.paperboy.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The whole list of results for one word query, and the page of it asked for.
 *
 * <p>What is in the list: by BM25, every paper the words match. Hybrid adds the papers among the
 * {@value SearchService#FUSION_DEPTH} nearest by meaning that contain none of the words but lie
 * above the meaning floor ({@link MeaningFloor}: the words' own papers among the nearest set it). Ranking by vectors lists only the nearest {@value SearchService#FUSION_DEPTH}
 * that match the words or lie above the floor. The count of that list is exact.
 *
 * <p>In what order: by relevance, hybrid puts the reciprocal rank fusion of the top
 * {@value SearchService#FUSION_DEPTH} of each ranking first (what SciFact measures), then the rest
 * of the papers the words match, by BM25. By date or upvotes, the whole list is ordered, the
 * papers that entered by meaning alone included.
 */
final class ResultList {
    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(IndexFields.PUBLISHED_DAY, SortField.Type.LONG, true),
            new SortField(IndexFields.ID, SortField.Type.STRING));

    /** A page of the list: its documents, how many the list holds, and how many of those entered by meaning alone. */
    record Window(ScoreDoc[] docs, int total, int byMeaning) {}

    private final IndexSearcher searcher;
    private final SearchQuery parsed;
    private final MeaningFloor floor;

    ResultList(IndexSearcher searcher, SearchQuery parsed, MeaningFloor floor) {
        this.searcher = searcher;
        this.parsed = parsed;
        this.floor = floor;
    }

    /**
     * Results {@code offset} to {@code offset + limit} of the list for {@code words} (which match
     * {@code wordCount} papers), with {@code nearest} the papers nearest in meaning (empty for BM25).
     */
    Window window(
            Query words,
            int wordCount,
            ScoreDoc[] nearest,
            Ranking ranking,
            SearchOrder order,
            IntFunction<Map<String, Integer>> mostUpvoted,
            int offset,
            int limit)
            throws IOException {
        int end = offset + limit;
        Set<Integer> matching = ranking == Ranking.BM25 ? Set.of() : matchingAmong(words, nearest);
        double threshold = floor.threshold(Arrays.stream(nearest)
                .filter(sd -> matching.contains(sd.doc))
                .mapToDouble(ResultList::cosine)
                .toArray());
        ScoreDoc[] kept = Arrays.stream(nearest)
                .filter(sd -> cosine(sd) >= threshold || matching.contains(sd.doc))
                .toArray(ScoreDoc[]::new);
        ScoreDoc[] byMeaning =
                Arrays.stream(kept).filter(sd -> !matching.contains(sd.doc)).toArray(ScoreDoc[]::new);
        int total = ranking == Ranking.VECTORS ? kept.length : wordCount + byMeaning.length;
        ScoreDoc[] ordered;
        if (order != SearchOrder.RELEVANCE) {
            Query all = ranking == Ranking.VECTORS ? idsOf(kept, 1) : withMeaningOnly(words, byMeaning);
            ordered = order == SearchOrder.DATE
                    ? searcher.search(all, end, NEWEST_FIRST, true).scoreDocs
                    : UpvoteOrder.top(searcher, all, mostUpvoted, end, rest -> top(rest, end)).scoreDocs;
        } else if (ranking == Ranking.BM25) {
            ordered = top(words, end).scoreDocs;
        } else if (ranking == Ranking.VECTORS) {
            ordered = kept;
        } else {
            ordered = fused(top(words, Math.max(SearchService.FUSION_DEPTH, end)).scoreDocs, kept, end);
        }
        ScoreDoc[] page = offset >= ordered.length
                ? new ScoreDoc[0]
                : Arrays.copyOfRange(ordered, offset, Math.min(ordered.length, end));
        return new Window(page, total, byMeaning.length);
    }

    /**
     * The papers above the floor among {@code nearest}, at most {@code limit}: what is close in
     * meaning when the words match nothing (so only the absolute floor holds).
     */
    ScoreDoc[] aboveFloor(ScoreDoc[] nearest, int limit) {
        return Arrays.stream(nearest)
                .filter(sd -> cosine(sd) >= floor.alone())
                .limit(limit)
                .toArray(ScoreDoc[]::new);
    }

    /** Lucene scores a cosine similarity c as (1 + c) / 2. */
    private static double cosine(ScoreDoc sd) {
        return 2.0 * sd.score - 1;
    }

    /**
     * RRF of the BM25 top {@value SearchService#FUSION_DEPTH} (of {@code byWords}) and the kept nearest,
     * then the rest of {@code byWords} in its order; at most {@code limit}.
     */
    private static ScoreDoc[] fused(ScoreDoc[] byWords, ScoreDoc[] kept, int limit) {
        List<Integer> words = Arrays.stream(byWords)
                .limit(SearchService.FUSION_DEPTH)
                .map(sd -> sd.doc)
                .toList();
        List<Integer> nearest = Arrays.stream(kept).map(sd -> sd.doc).toList();
        Map<Integer, ScoreDoc> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Double> e : RankFusion.hybrid(words, nearest, limit)) {
            out.put(e.getKey(), new ScoreDoc(e.getKey(), e.getValue().floatValue()));
        }
        for (int i = SearchService.FUSION_DEPTH; i < byWords.length && out.size() < limit; i++) {
            // Below every fused score: 1 / (k + rank) for a rank past the fusion depth, in one ranking only.
            out.putIfAbsent(byWords[i].doc, new ScoreDoc(byWords[i].doc, (float) (1.0 / (RankFusion.K + i + 1))));
        }
        return out.values().toArray(ScoreDoc[]::new);
    }

    /** The words' papers or these (which the words do not match; they score nothing, so they come last by relevance). */
    private Query withMeaningOnly(Query words, ScoreDoc[] byMeaning) throws IOException {
        if (byMeaning.length == 0) {
            return words;
        }
        return new BooleanQuery.Builder()
                .add(words, Occur.SHOULD)
                .add(idsOf(byMeaning, 0), Occur.SHOULD)
                .build();
    }

    /** These documents, each scoring {@code score}. */
    private Query idsOf(ScoreDoc[] docs, float score) throws IOException {
        List<BytesRef> ids =
                IndexFields.ids(searcher, docs).stream().map(BytesRef::new).toList();
        return new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(IndexFields.ID, ids)), score);
    }

    /**
     * The best {@code limit} documents for the query; a query that only filters (all its papers
     * score the same) lists the newest first rather than in the index's arbitrary order.
     */
    TopDocs top(Query query, int limit) throws IOException {
        return LuceneQueries.ranksByRelevance(parsed)
                ? searcher.search(query, limit)
                : searcher.search(query, limit, NEWEST_FIRST, true);
    }

    // One scorer per segment, advanced through the candidates in doc order, instead of a scorer per candidate.
    private Set<Integer> matchingAmong(Query words, ScoreDoc[] candidates) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(words), ScoreMode.COMPLETE_NO_SCORES, 1);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[] docs = Arrays.stream(candidates)
                .mapToInt(sd -> sd.doc)
                .sorted()
                .distinct()
                .toArray();
        Set<Integer> matching = new HashSet<>();
        LeafReaderContext leaf = null;
        DocIdSetIterator matches = null;
        for (int doc : docs) {
            LeafReaderContext at = leaves.get(ReaderUtil.subIndex(doc, leaves));
            if (at != leaf) {
                leaf = at;
                Scorer scorer = weight.scorer(leaf);
                matches = scorer == null ? null : scorer.iterator();
            }
            int target = doc - leaf.docBase;
            if (matches != null && (matches.docID() < target ? matches.advance(target) : matches.docID()) == target) {
                matching.add(doc);
            }
        }
        return matching;
    }
}
