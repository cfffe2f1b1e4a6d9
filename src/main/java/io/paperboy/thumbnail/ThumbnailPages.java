package io.paperboy.thumbnail;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperIds;
import io.paperboy.paper.PaperService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /thumbnails/{id}}: the rendered first page of a paper when the worker stored one,
 * else its generated cover. Reads one file at most; never fetches anything.
 */
public final class ThumbnailPages {
    private final PaperService papers;
    private final Path dir;

    /** {@code dir}: where the worker stores PNGs (null: no worker, covers only). */
    public ThumbnailPages(PaperService papers, Path dir) {
        this.papers = papers;
        this.dir = dir;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/thumbnails/<id>", this::showThumbnail);
    }

    private void showThumbnail(Context ctx) throws IOException {
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        Paper paper = papers.find(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        // Short: a cover becomes a rendered page once the worker gets to it.
        ctx.header("Cache-Control", "public, max-age=600");
        Path png = dir == null ? null : ThumbnailWorker.file(dir, id);
        if (png != null && Files.isRegularFile(png)) {
            ctx.contentType("image/png").result(Files.readAllBytes(png));
        } else {
            ctx.contentType("image/svg+xml").result(Covers.svg(paper));
        }
    }
}
