package io.paperboy.foryou;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.paperboy.web.Member;
import io.paperboy.web.Page;
import io.paperboy.web.Templates;
import io.paperboy.web.Visitor;

/** {@code /papers/for-you}: a member's personal feed, each paper with the reason it is there. */
public final class ForYouPages {
    static final int FEED_SIZE = 30;
    private final ForYou forYou;

    public ForYouPages(ForYou forYou) {
        this.forYou = forYou;
    }

    /** Register before the paper pages: {@code /papers/<id>} would take "for-you" for an id. */
    public void register(JavalinConfig config) {
        config.routes.get("/papers/for-you", this::show);
    }

    private void show(Context ctx) {
        Member member = Visitor.requireMember(ctx);
        Page page = Page.of(ctx, "For you", "Papers like the ones you upvoted and saved", "/papers/for-you");
        ctx.header("Cache-Control", "private, no-cache");
        Templates.page(ctx, "foryou/for-you.jte", new ForYouView(page, forYou.feed(member.id(), FEED_SIZE)));
    }
}
