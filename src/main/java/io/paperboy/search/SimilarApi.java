package io.paperboy.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.ApiPaper;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperIds;
import io.paperboy.paper.PaperService;
import io.paperboy.paper.Related;
import io.paperboy.web.PageCache;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/papers/{id}/similar?limit=}: the paper's nearest neighbours by embedding, rendered
 * as the paper API renders them, each with {@code "why"} (a few words: shared authors, rare words
 * both use, or close in meaning) and {@code "similarity"} (cosine). {@code []} while the paper has
 * no embedding (semantic search off, or not embedded yet): similarity by meaning is never faked.
 */
public final class SimilarApi {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    private final SimilarPapers similar;
    private final PaperService papers;
    private final Function<List<Paper>, List<ApiPaper>> render;

    public SimilarApi(SimilarPapers similar, PaperService papers, Function<List<Paper>, List<ApiPaper>> render) {
        this.similar = similar;
        this.papers = papers;
        this.render = render;
    }

    public void list(Context ctx) {
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        if (papers.find(id).isEmpty()) {
            throw new NotFoundResponse("no paper with id " + id);
        }
        int limit = limit(ctx.queryParam("limit"));
        List<Shown> similar = similarTo(id, limit);
        // The neighbours come from the index (the cache's version follows it); their upvotes, comment
        // counts and text from the store: changes to other papers keep the answer.
        PageCache.shows(
                ctx,
                java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(id),
                                similar.stream().map(s -> s.related().paper().id()))
                        .toList(),
                false);
        List<ApiPaper> rendered =
                render.apply(similar.stream().map(s -> s.related().paper()).toList());
        List<SimilarEntry> out = new java.util.ArrayList<>(similar.size());
        for (int i = 0; i < similar.size(); i++) {
            Shown shown = similar.get(i);
            out.add(new SimilarEntry(
                    rendered.get(i), shown.related().why(), Math.round(shown.similarity() * 1000) / 1000.0));
        }
        ctx.json(out);
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new BadRequestResponse("limit must be a whole number between 1 and " + MAX_LIMIT);
    }

    /** A similar paper with its similarity. */
    private record Shown(Related related, double similarity) {}

    /** The similar papers of {@code id} as stored papers, nearest first, each with why; none without embeddings. */
    public List<Related> likeInOrder(String id, int limit) {
        return similarTo(id, limit).stream().map(Shown::related).toList();
    }

    private List<Shown> similarTo(String id, int limit) {
        List<SimilarPapers.Neighbour> nearest = similar.nearest(id, limit);
        if (nearest.isEmpty()) {
            return List.of();
        }
        Map<String, Paper> found = papers.findAll(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(id), nearest.stream().map(SimilarPapers.Neighbour::paperId))
                .toList());
        Paper source = found.get(id);
        return nearest.stream()
                .filter(n -> found.containsKey(n.paperId()) && source != null)
                .map(n -> new Shown(
                        new Related(found.get(n.paperId()), similar.why(source, found.get(n.paperId()))),
                        n.similarity()))
                .toList();
    }
}
