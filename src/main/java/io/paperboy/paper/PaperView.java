package io.paperboy.paper;

import gg.jte.Content;
import io.paperboy.web.Page;
import java.util.List;

/**
 * What a paper page shows: the paper, where it was featured, its BibTeX, papers like it, its
 * upvotes, and {@code comments}, the discussion as another feature rendered it.
 */
public record PaperView(Page page, Paper paper, List<Featured> featured, String bibtex, List<Paper> similar,
        Upvotes upvotes, Content comments) {
    public PaperView {
        featured = List.copyOf(featured);
        similar = List.copyOf(similar);
    }

    /** The CSRF token the vote button carries; null for anonymous visitors, who get a login link. */
    public String csrf() {
        return page.member() == null ? null : page.visitor().csrfToken();
    }

    public List<ArtifactLink> links(LinkKind kind) {
        return paper.links().stream().filter(l -> l.kind() == kind).toList();
    }

    public String absUrl() {
        return PaperLinks.abs(paper);
    }

    public String pdfUrl() {
        return PaperLinks.pdf(paper);
    }
}
