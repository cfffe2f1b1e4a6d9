package io.paperboy.paper;

import io.javalin.http.Context;
import io.javalin.http.GoneResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paper's own part of {@code /papers/{id}}: the Markdown form for agents, the redirect of any
 * other form of the id (a version suffix, an old-style subject class) to the canonical URL, the
 * refusal of a hidden paper to all but curators, and the page's head: Open Graph tags for link
 * previews and the {@code citation_*} tags Google Scholar reads. The page itself, where the other
 * features (listings, votes, comments, similar papers, …) meet, is composed in {@code app}.
 */
public final class PaperPages {
    private final PaperService papers;
    private final PaperExtras.Source extras;
    private final SiteUrl site;

    /** {@code site}: the site's address, for the absolute links of {@code /papers/{id}.md}. */
    public PaperPages(PaperService papers, PaperExtras.Source extras, SiteUrl site) {
        this.papers = papers;
        this.extras = extras;
        this.site = site;
    }

    /**
     * The paper {@code /papers/{id}} shows, with whether it is hidden, read in one query; empty when
     * this has answered already (the Markdown form, a redirect to the canonical id). A paper nobody
     * stored is a 404; a hidden one is gone (410) for anyone but a curator.
     */
    public Optional<StoredPaper> paperToShow(Context ctx) {
        String raw = ctx.pathParam("id");
        if (raw.endsWith(MARKDOWN_SUFFIX)) {
            showMarkdown(ctx, raw.substring(0, raw.length() - MARKDOWN_SUFFIX.length()));
            return Optional.empty();
        }
        String id = PaperIds.fromPath(raw);
        if (!id.equals(raw)) {
            ctx.redirect("/papers/" + id, HttpStatus.MOVED_PERMANENTLY);
            return Optional.empty();
        }
        StoredPaper stored =
                papers.findWithHidden(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        if (stored.hidden() && !Visitor.of(ctx).hasRole(Role.CURATOR)) {
            throw new GoneResponse(HIDDEN_MESSAGE);
        }
        return Optional.of(stored);
    }

    /** The page's frame for {@code paper}: its title, a snippet of its abstract, the tags for previews and Scholar. */
    public static Page page(Context ctx, Paper paper) {
        return Page.of(ctx, paper.title(), snippet(paper.abstractText()), PaperLinks.page(paper))
                .withMeta(meta(paper));
    }

    /** {@code /papers/{id}.md}: the paper as Markdown, for agents (Hugging Face serves the same path). */
    private void showMarkdown(Context ctx, String raw) {
        String id = PaperIds.fromPath(raw);
        if (!id.equals(raw)) {
            ctx.redirect("/papers/" + id + MARKDOWN_SUFFIX, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        StoredPaper stored =
                papers.findWithHidden(id).orElseThrow(() -> new NotFoundResponse("no paper with id " + id));
        if (stored.hidden()) {
            throw new GoneResponse(HIDDEN_MESSAGE);
        }
        Paper paper = stored.paper();
        HttpPolicy.shortCache(ctx);
        // The configured address, never the request's Host header (a cached answer must not carry a forged host).
        ctx.contentType("text/markdown; charset=utf-8")
                .result(PaperMarkdown.of(paper, extras.of(id), site.absolute(PaperLinks.page(paper))));
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
            meta.add(Page.Meta.name(
                    "citation_publication_date", p.published().toString().replace('-', '/')));
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
