package io.paperboy.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * {@code GET /api/papers/{id}} in the shape of Hugging Face's paper API ({@code id, title,
 * summary, authors[].name, publishedAt, upvotes, githubRepo, projectPage}), plus the arXiv
 * metadata Paperboy keeps beside it. Old-style ids contain a slash, hence the {@code <id>} path.
 */
public final class PaperApi {
    private final PaperService papers;
    private final ToIntFunction<String> upvotes;
    private final ObjectMapper json = new ObjectMapper();
    private final PaperJson paperJson = new PaperJson(json);

    /** {@code upvotes} counts a paper's votes; it comes from the listing feature, which paper must not know. */
    public PaperApi(PaperService papers, ToIntFunction<String> upvotes) {
        this.papers = papers;
        this.upvotes = upvotes;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/api/papers/<id>", this::show);
    }

    private void show(Context ctx) {
        String raw = ctx.pathParam("id");
        String id;
        try {
            id = PaperIds.canonical(raw);
        } catch (IllegalArgumentException e) {
            error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        Optional<Paper> paper = papers.find(id);
        if (paper.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no paper with id " + id);
            return;
        }
        ctx.contentType("application/json").result(render(paper.get()).toString());
    }

    ObjectNode render(Paper p) {
        return paperJson.write(p, upvotes.applyAsInt(p.id()));
    }

    private void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json").result(json.createObjectNode().put("error", message).toString());
    }
}
