package io.paperboy.paper;

import io.javalin.http.Context;
import io.javalin.http.GoneResponse;
import io.javalin.http.NotFoundResponse;
import java.util.function.ToIntFunction;

/**
 * {@code GET /api/papers/{id}} in the shape of Hugging Face's paper API ({@code id, title,
 * summary, authors[].name, publishedAt, upvotes, githubRepo, githubStars, projectPage, ai_keywords,
 * linkedModels, numTotalModels, …}), plus the arXiv
 * metadata Paperboy keeps beside it. Old-style ids contain a slash, hence the {@code <id>} path.
 */
public final class PaperApi {
    private final PaperService papers;
    private final ToIntFunction<String> upvotes;
    private final CommentCounts comments;
    private final PaperJson paperJson;

    /**
     * {@code upvotes} counts a paper's votes and {@code comments} its comments; they come from the
     * listing and comment features, which paper must not know.
     */
    public PaperApi(
            PaperService papers, ToIntFunction<String> upvotes, CommentCounts comments, PaperExtras.Source extras) {
        this.paperJson = new PaperJson(extras);
        this.papers = papers;
        this.upvotes = upvotes;
        this.comments = comments;
    }

    public void show(Context ctx) {
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        Paper paper = papers.find(id)
                .orElseThrow(() -> papers.isHidden(id)
                        ? new GoneResponse(PaperPages.HIDDEN_MESSAGE)
                        : new NotFoundResponse("no paper with id " + id));
        io.paperboy.web.PageCache.shows(ctx, java.util.List.of(id), false);
        ctx.json(render(paper));
    }

    ApiPaper render(Paper p) {
        return paperJson.write(p, upvotes.applyAsInt(p.id()), comments.count(p.id()));
    }
}
