package io.paperboy.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperIds;
import io.paperboy.paper.PaperService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /api/papers/{id}/similar?limit=}: papers like this one, rendered as the paper API renders them. */
public final class SimilarApi {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    private final SimilarPapers similar;
    private final PaperService papers;
    private final Function<Paper, ObjectNode> render;
    private final ObjectMapper json = new ObjectMapper();

    public SimilarApi(SimilarPapers similar, PaperService papers, Function<Paper, ObjectNode> render) {
        this.similar = similar;
        this.papers = papers;
        this.render = render;
    }

    /** Registers the route; call before {@code /api/papers/<id>}, whose id would swallow "/similar". */
    public void register(JavalinConfig config) {
        config.routes.get("/api/papers/<id>/similar", this::list);
    }

    private void list(Context ctx) {
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        if (papers.find(id).isEmpty()) {
            throw new NotFoundResponse("no paper with id " + id);
        }
        int limit = limit(ctx.queryParam("limit"));
        ArrayNode out = json.createArrayNode();
        for (Paper p : likeInOrder(id, limit)) {
            out.add(render.apply(p));
        }
        ctx.contentType("application/json").result(out.toString());
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

    /** The similar papers of {@code id} as stored papers, best first. */
    public List<Paper> likeInOrder(String id, int limit) {
        List<String> ids = similar.like(id, limit);
        Map<String, Paper> found = papers.findAll(ids);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }
}
