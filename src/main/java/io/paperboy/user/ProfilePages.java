package io.paperboy.user;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** {@code /u/{name}}: a member's profile. Hidden papers are left out, as everywhere public. */
public final class ProfilePages {
    // Codes, not text, in the URL: a link cannot make the page say whatever its author likes.
    private static final Map<String, String> NOTICES =
            Map.of("sent", "Claim sent: a curator will check it. Until then it shows here, to you only.");

    private final AccountService accounts;
    private final Claims claims;
    private final PaperService papers;
    private final Function<String, List<String>> submittedPaperIds;
    private final Function<Long, List<String>> upvotedPaperIds;

    /**
     * {@code submittedPaperIds} gives the papers a member (by user name) put on a listing, newest
     * first (from the listing feature); {@code upvotedPaperIds} the papers a member (by id)
     * upvoted, newest first (from the vote feature). user knows neither feature.
     */
    public ProfilePages(
            AccountService accounts,
            Claims claims,
            PaperService papers,
            Function<String, List<String>> submittedPaperIds,
            Function<Long, List<String>> upvotedPaperIds) {
        this.accounts = accounts;
        this.claims = claims;
        this.papers = papers;
        this.submittedPaperIds = submittedPaperIds;
        this.upvotedPaperIds = upvotedPaperIds;
    }

    public void show(Context ctx) {
        String name = ctx.pathParam("name");
        Account account = accounts.byName(name).orElseThrow(() -> new NotFoundResponse("no member called " + name));
        Member viewer = Visitor.of(ctx).member();
        boolean own = viewer != null && viewer.id() == account.id();
        List<AuthorClaim> all = claims.of(account.id());
        List<ProfileView.ClaimedPaper> claimed =
                claimedPapers(all.stream().filter(AuthorClaim::approved).toList());
        Page page = Page.of(
                ctx,
                account.displayName(),
                "Papers by, submitted and upvoted by " + account.displayName(),
                "/u/" + account.name());
        Templates.page(
                ctx,
                "user/profile.jte",
                new ProfileView(
                        page,
                        account.name(),
                        account.displayName(),
                        account.role(),
                        account.createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                        claimed,
                        inOrder(submittedPaperIds.apply(account.name())),
                        inOrder(upvotedPaperIds.apply(account.id())),
                        own ? all.stream().filter(c -> !c.approved()).toList() : List.of(),
                        own ? NOTICES.get(Objects.requireNonNullElse(ctx.queryParam("claim"), "")) : null));
    }

    private List<ProfileView.ClaimedPaper> claimedPapers(List<AuthorClaim> approved) {
        Map<String, Paper> byId =
                papers.findAll(approved.stream().map(AuthorClaim::paperId).toList());
        return approved.stream()
                .filter(c -> byId.containsKey(c.paperId()))
                .map(c -> new ProfileView.ClaimedPaper(byId.get(c.paperId()), c.authorName()))
                .toList();
    }

    /** The papers of {@code ids} the public may see, in the order given, each once. */
    private List<Paper> inOrder(Collection<String> ids) {
        Map<String, Paper> byId = papers.findAll(ids);
        return ids.stream().distinct().map(byId::get).filter(Objects::nonNull).toList();
    }
}
