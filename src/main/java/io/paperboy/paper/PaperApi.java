package io.paperboy.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    /** The paper as this API renders it; other features embed it (search results, listings). */
    public ObjectNode render(Paper p) {
        ObjectNode o = json.createObjectNode();
        o.put("id", p.id()).put("title", p.title()).put("summary", p.abstractText());
        ArrayNode authors = o.putArray("authors");
        p.authors().forEach(name -> authors.addObject().put("name", name));
        o.put("publishedAt", p.published() == null ? null : p.published() + "T00:00:00.000Z");
        o.put("upvotes", upvotes.applyAsInt(p.id()));
        o.put("githubRepo", firstUrl(p, LinkKind.GITHUB));
        o.put("projectPage", firstUrl(p, LinkKind.PROJECT_PAGE));
        o.put("version", p.version());
        ArrayNode categories = o.putArray("categories");
        p.categories().forEach(categories::add);
        o.put("updatedAt", p.updated() == null ? null : p.updated().toString());
        o.put("comments", p.comments()).put("journalRef", p.journalRef());
        ArrayNode dois = o.putArray("dois");
        p.dois().forEach(dois::add);
        o.put("license", p.license());
        ArrayNode links = o.putArray("links");
        p.links().forEach(l -> links.addObject().put("kind", l.kind().label()).put("url", l.url()));
        if (p.isArxiv()) {
            o.put("arxivUrl", "https://arxiv.org/abs/" + p.id()).put("pdfUrl", "https://arxiv.org/pdf/" + p.id());
        }
        return o;
    }

    private static String firstUrl(Paper p, LinkKind kind) {
        return p.links().stream().filter(l -> l.kind() == kind).map(ArtifactLink::url).findFirst().orElse(null);
    }

    private void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json").result(json.createObjectNode().put("error", message).toString());
    }
}
