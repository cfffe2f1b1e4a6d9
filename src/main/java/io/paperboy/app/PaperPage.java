package io.paperboy.app;

import gg.jte.Content;
import io.javalin.http.Context;
import io.paperboy.comment.CommentPages;
import io.paperboy.foryou.ReadingListPages;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.listing.SubmitPages;
import io.paperboy.paper.Bibtex;
import io.paperboy.paper.Featured;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperExtras;
import io.paperboy.paper.PaperPages;
import io.paperboy.paper.PaperView;
import io.paperboy.paper.Related;
import io.paperboy.paper.StoredPaper;
import io.paperboy.paper.Upvotes;
import io.paperboy.search.SimilarApi;
import io.paperboy.user.Claims;
import io.paperboy.vote.VoteService;
import io.paperboy.web.HttpPolicy;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.PageCache;
import io.paperboy.web.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /papers/{id}}, composed here because this is where features may meet ({@code paper} may
 * depend on none). Each part is asked for by name, once: the paper with whether it is hidden and the
 * page's head ({@code paper}), its listing entries (listing: where it was featured, and whether a
 * curator may feature a new version again), its upvotes and the member's own vote (vote: one read
 * either way), papers like it (search), approved author claims (user), the member's "save for later"
 * (foryou), the discussion with its count (comment: one read of its rows), and the extras (key
 * phrases, stars, the Hub's links). {@code PaperPageRoundTripsTest} counts the store round trips.
 */
final class PaperPage {
    /** Papers like this one under it: enough to wander on, few enough to stay below the discussion. */
    static final int SIMILAR_ON_PAGE = 5;

    private final PaperPages paper;
    private final ListingService listings;
    private final VoteService votes;
    private final SimilarApi similar;
    private final Claims claims;
    private final ReadingListPages readingList;
    private final SubmitPages submit;
    private final CommentPages comments;
    private final PaperExtras.Source extras;

    PaperPage(
            PaperPages paper,
            ListingService listings,
            VoteService votes,
            SimilarApi similar,
            Claims claims,
            ReadingListPages readingList,
            SubmitPages submit,
            CommentPages comments,
            PaperExtras.Source extras) {
        this.paper = paper;
        this.listings = listings;
        this.votes = votes;
        this.similar = similar;
        this.claims = claims;
        this.readingList = readingList;
        this.submit = submit;
        this.comments = comments;
        this.extras = extras;
    }

    void show(Context ctx) {
        Optional<StoredPaper> shown = paper.paperToShow(ctx);
        if (shown.isEmpty()) {
            return; // answered already: the Markdown form, or a redirect to the canonical id
        }
        Paper p = shown.get().paper();
        String id = p.id();
        Page page = PaperPages.page(ctx, p);
        HttpPolicy.shortCache(ctx);
        List<Related> like = similar.likeInOrder(id, SIMILAR_ON_PAGE);
        List<String> onPage = new ArrayList<>(List.of(id));
        like.forEach(r -> onPage.add(r.paper().id()));
        PageCache.shows(ctx, onPage, false);
        List<ListingEntry> entries = listings.forPaper(id);
        Templates.page(
                ctx,
                "paper/paper.jte",
                new PaperView(
                        page,
                        p,
                        featured(entries),
                        Bibtex.of(p),
                        like,
                        upvotes(id, page.member()),
                        claims.approvedAuthors(id),
                        shown.get().hidden(),
                        both(readingList.saveButton(ctx, id), submit.featureAgainButton(ctx, p, entries)),
                        Templates.content("comment/section.jte", comments.section(ctx, id)),
                        extras.of(id)));
    }

    // A member's vote and the total in one read; a visitor needs only the total.
    private Upvotes upvotes(String id, Member member) {
        if (member == null) {
            return new Upvotes(listings.upvotes(id), false);
        }
        var state = votes.state(member.id(), id);
        return new Upvotes(state.upvotes(), state.upvoted());
    }

    private static List<Featured> featured(List<ListingEntry> entries) {
        return entries.stream()
                .map(e -> new Featured(e.day(), e.submittedBy(), e.upvotes()))
                .toList();
    }

    private static Content both(Content first, Content second) {
        return output -> {
            first.writeTo(output);
            second.writeTo(output);
        };
    }
}
