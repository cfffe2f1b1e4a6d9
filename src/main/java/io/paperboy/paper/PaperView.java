package io.paperboy.paper;

import gg.jte.Content;
import io.paperboy.web.Page;
import io.paperboy.web.Role;
import java.util.List;
import java.util.Map;

/**
 * What a paper page shows: the paper, where it was featured, its BibTeX, papers like it, its
 * upvotes, which author names members have claimed (author → member name), whether a curator
 * hid it (only curators see a hidden paper's page), what other features rendered for it: the
 * member's own buttons ({@code actions}) and the discussion ({@code comments}), and its key phrases.
 */
public record PaperView(Page page, Paper paper, List<Featured> featured, String bibtex, List<Related> similar,
        Upvotes upvotes, Map<String, String> claimedAuthors, boolean hidden, Content actions, Content comments,
        List<String> keywords) {
    public PaperView {
        keywords = List.copyOf(keywords);
        featured = List.copyOf(featured);
        similar = List.copyOf(similar);
        claimedAuthors = Map.copyOf(claimedAuthors);
    }

    /** The member who claimed {@code author} (approved by a curator), or null. */
    public String claimant(String author) {
        return claimedAuthors.get(author);
    }

    /** The author names nobody has claimed yet: what the claim form offers. */
    public List<String> unclaimedAuthors() {
        return paper.authors().stream().filter(a -> !claimedAuthors.containsKey(a)).distinct().toList();
    }

    public boolean curatorLooking() {
        return page.visitor().hasRole(Role.CURATOR);
    }

    /**
     * The CSRF token vote buttons carry; null for those who may not vote, who get a link instead: to
     * the login page for visitors, to settings (which mail the confirmation link) for unconfirmed members.
     */
    public String csrf() {
        return page.member() == null || !page.member().verified() ? null : page.visitor().csrfToken();
    }

    /** A member whose address is not confirmed yet: the vote button says so instead of offering a refused form. */
    public boolean confirmFirst() {
        return page.member() != null && !page.member().verified();
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
