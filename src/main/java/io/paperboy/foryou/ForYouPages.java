package io.paperboy.foryou;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;

/**
 * {@code /papers/for-you}: a member's personal feed, each paper with the reason it is there, and
 * the private Atom feed of it ({@code /feeds/for-you/TOKEN.atom}, see {@link PrivateFeed}).
 */
public final class ForYouPages {
    static final int FEED_SIZE = 30;
    private final ForYou forYou;
    private final PrivateFeed privateFeed;
    private final PrivateFeedAtom atom;

    /** {@code site} starts the private feed's links, never the request's Host header. */
    public ForYouPages(ForYou forYou, PrivateFeed privateFeed, SiteUrl site) {
        this.forYou = forYou;
        this.privateFeed = privateFeed;
        this.atom = new PrivateFeedAtom(site);
    }

    public void show(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        render(ctx, member, null);
    }

    /** {@code action=new} makes a new URL (shown once, the old one stops working); {@code action=off} revokes it. */
    public void changePrivateFeed(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        String action = ctx.formParam("action");
        switch (action == null ? "" : action) {
            case "new" -> render(ctx, member, atom.url(privateFeed.renew(member.id())));
            case "off" -> {
                privateFeed.revoke(member.id());
                ctx.redirect("/papers/for-you", HttpStatus.SEE_OTHER);
            }
            default -> throw new BadRequestResponse("action must be new or off, not '" + action + "'");
        }
    }

    // Answered to feed readers without a session, so it must never be shared: PageCache keeps no
    // answer marked private, and a revoked token is refused from the next request on.
    public void showPrivateFeed(Context ctx) {
        String file = ctx.pathParam("token");
        if (!file.endsWith(".atom")) {
            throw new NotFoundResponse("no such feed: the private feed's address ends in .atom");
        }
        long memberId = privateFeed
                .member(file.substring(0, file.length() - ".atom".length()))
                .orElseThrow(() -> new NotFoundResponse("no such feed: the address is wrong, or was revoked"));
        ctx.header("Cache-Control", "private, no-cache");
        ctx.contentType(atom.mediaType()).result(atom.write(ctx, forYou.feed(memberId, FEED_SIZE)));
    }

    private void render(Context ctx, Member member, String newFeedUrl) {
        Page page = Page.of(ctx, "For you", "Papers like the ones you upvoted and saved", "/papers/for-you");
        ctx.header("Cache-Control", "private, no-cache");
        Templates.page(
                ctx,
                "foryou/for-you.jte",
                new ForYouView(
                        page,
                        forYou.feed(member.id(), FEED_SIZE),
                        privateFeed.since(member.id()).isPresent(),
                        newFeedUrl));
    }
}
