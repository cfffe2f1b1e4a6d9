package io.paperboy.thumbnail;

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
 * (from this node's folder, else from the store), else its generated cover. Never fetches anything.
 */
public final class ThumbnailPages {
    private final PaperService papers;
    private final Path dir;
    private final java.util.function.Function<String, java.util.Optional<byte[]>> stored;

    /**
     * {@code dir}: where this node's worker stores PNGs (null: none); {@code stored}: the PNG any
     * node kept in the store (several nodes: the one that fetched the PDF may be another).
     */
    public ThumbnailPages(
            PaperService papers, Path dir, java.util.function.Function<String, java.util.Optional<byte[]>> stored) {
        this.papers = papers;
        this.dir = dir;
        this.stored = stored;
    }

    public void showThumbnail(Context ctx) throws IOException {
        String id = PaperIds.fromPath(ctx.pathParam("id"));
        Paper paper = papers.find(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        // Short: a cover becomes a rendered page once the worker gets to it.
        ctx.header("Cache-Control", "public, max-age=600");
        Path png = dir == null ? null : ThumbnailWorker.file(dir, id);
        if (png != null && Files.isRegularFile(png)) {
            ctx.contentType("image/png").result(Files.readAllBytes(png));
            return;
        }
        java.util.Optional<byte[]> kept = stored.apply(id);
        if (kept.isPresent()) {
            ctx.contentType("image/png").result(kept.get());
        } else {
            ctx.contentType("image/svg+xml").result(Covers.svg(paper));
        }
    }
}
