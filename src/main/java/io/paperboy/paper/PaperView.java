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
 * member's own buttons ({@code actions}) and the discussion ({@code comments}), and its extras: key
 * phrases, GitHub stars, the Hub's linked models, datasets and Spaces.
 */
public record PaperView(
        Page page,
        Paper paper,
        List<Featured> featured,
        String bibtex,
        List<Related> similar,
        Upvotes upvotes,
        Map<String, String> claimedAuthors,
        boolean hidden,
        Content actions,
        Content comments,
        PaperExtras extras) {
    public PaperView {
        featured = List.copyOf(featured);
        similar = List.copyOf(similar);
        claimedAuthors = Map.copyOf(claimedAuthors);
    }

    public List<String> keywords() {
        return extras.keywords();
    }

    /** The stars of the paper's code on GitHub, as the page shows them ("1,234"), or null. */
    public String stars() {
        return extras.githubStars() == null ? null : String.format(java.util.Locale.ROOT, "%,d", extras.githubStars());
    }

    /** What cites the paper on the Hub (null: not fetched, or nothing). */
    public PaperExtras.HubLinks hub() {
        return extras.hub() == null || extras.hub().total() == 0 ? null : extras.hub();
    }

    /** The Hub page of a linked repository; {@code prefix} is "", "datasets/" or "spaces/". */
    public String hubPage(String prefix, PaperExtras.Item item) {
        return HubUrls.page(prefix, item.id());
    }

    /** The member who claimed {@code author} (approved by a curator), or null. */
    public String claimant(String author) {
        return claimedAuthors.get(author);
    }

    /** The author names nobody has claimed yet: what the claim form offers. */
    public List<String> unclaimedAuthors() {
        return paper.authors().stream()
                .filter(a -> !claimedAuthors.containsKey(a))
                .distinct()
                .toList();
    }

    public boolean curatorLooking() {
        return page.visitor().hasRole(Role.CURATOR);
    }

    /**
     * The CSRF token vote buttons carry; null for those who may not vote, who get a link instead: to
     * the login page for visitors, to settings (which mail the confirmation link) for unconfirmed members.
     */
    public String csrf() {
        return page.member() == null || !page.member().verified()
                ? null
                : page.visitor().csrfToken();
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
