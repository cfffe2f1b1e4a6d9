package io.paperboy.paper;

import gg.jte.Content;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.GoneResponse;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /papers/{id}}: the paper page, with Open Graph tags for link previews and the
 * {@code citation_*} tags Google Scholar reads. Any other form of the id (a version suffix, an
 * old-style subject class) redirects to the canonical URL.
 */
public final class PaperPages {
    private final PaperService papers;
    private final PaperPageParts parts;
    private final SiteUrl site;

    /** {@code site}: the site's address, for the absolute links of {@code /papers/{id}.md}. */
    public PaperPages(PaperService papers, PaperPageParts parts, SiteUrl site) {
        this.papers = papers;
        this.parts = parts;
        this.site = site;
    }

    public void show(Context ctx) {
        String raw = ctx.pathParam("id");
        if (raw.endsWith(MARKDOWN_SUFFIX)) {
            showMarkdown(ctx, raw.substring(0, raw.length() - MARKDOWN_SUFFIX.length()));
            return;
        }
        String id = PaperIds.fromPath(raw);
        if (!id.equals(raw)) {
            ctx.redirect("/papers/" + id, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Paper paper = papers.findIncludingHidden(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        boolean hidden = papers.isHidden(id);
        if (hidden && !Visitor.of(ctx).hasRole(Role.CURATOR)) {
            throw new GoneResponse(HIDDEN_MESSAGE);
        }
        Page page = Page.of(ctx, paper.title(), snippet(paper.abstractText()), PaperLinks.page(paper)).withMeta(meta(paper));
        HttpPolicy.shortCache(ctx);
        List<Related> similar = parts.similar().apply(id);
        List<String> shown = new ArrayList<>(List.of(id));
        similar.forEach(r -> shown.add(r.paper().id()));
        io.paperboy.web.PageCache.shows(ctx, shown, false);
        Templates.page(ctx, "paper/paper.jte", new PaperView(page, paper, parts.featured().apply(id), Bibtex.of(paper),
                similar, parts.upvotes().apply(id, page.member()), parts.claimedAuthors().apply(id),
                hidden, parts.memberActions().apply(ctx, id), parts.comments().apply(ctx, id), parts.extras().of(id)));
    }

    /** {@code /papers/{id}.md}: the paper as Markdown, for agents (Hugging Face serves the same path). */
    private void showMarkdown(Context ctx, String raw) {
        String id = PaperIds.fromPath(raw);
        if (!id.equals(raw)) {
            ctx.redirect("/papers/" + id + MARKDOWN_SUFFIX, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Paper paper = papers.find(id).orElseThrow(() -> papers.isHidden(id)
                ? new GoneResponse(HIDDEN_MESSAGE) : new NotFoundResponse("no paper with id " + id));
        HttpPolicy.shortCache(ctx);
        // The configured address, never the request's Host header (a cached answer must not carry a forged host).
        ctx.contentType("text/markdown; charset=utf-8")
                .result(PaperMarkdown.of(paper, parts.extras().of(id), site.absolute(PaperLinks.page(paper))));
    }

    private static final String MARKDOWN_SUFFIX = ".md";

    /** What the public is told about a paper a curator hid (the page and the API say the same). */
    static final String HIDDEN_MESSAGE = "this paper was removed by the site's curators";

    private static List<Page.Meta> meta(Paper p) {
        List<Page.Meta> meta = new ArrayList<>();
        meta.add(Page.Meta.property("og:type", "article"));
        meta.add(Page.Meta.property("og:title", p.title()));
        meta.add(Page.Meta.property("og:description", snippet(p.abstractText())));
        meta.add(Page.Meta.name("citation_title", p.title()));
        p.authors().forEach(a -> meta.add(Page.Meta.name("citation_author", a)));
        if (p.published() != null) {
            meta.add(Page.Meta.name("citation_publication_date", p.published().toString().replace('-', '/')));
        }
        if (p.isArxiv()) {
            meta.add(Page.Meta.name("citation_arxiv_id", p.id()));
            meta.add(Page.Meta.name("citation_pdf_url", PaperLinks.pdf(p)));
        }
        p.dois().stream().findFirst().ifPresent(doi -> meta.add(Page.Meta.name("citation_doi", doi)));
        return meta;
    }

    static String snippet(String text) {
        if (text.length() <= 300) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 297);
        return text.substring(0, cut > 0 ? cut : 297).strip() + "…";
    }
}
