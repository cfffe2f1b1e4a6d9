package io.paperboy.foryou;

import io.javalin.http.Context;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperLinks;
import io.paperboy.web.Feed;
import io.paperboy.web.FeedWriter;
import io.paperboy.web.SiteUrl;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A member's "for you" feed as Atom: each entry's summary starts with why the paper is there. */
final class PrivateFeedAtom {
    private final FeedWriter writer = new FeedWriter();
    private final SiteUrl site;

    PrivateFeedAtom(SiteUrl site) {
        this.site = site;
    }

    String url(String token) {
        return site.absolute("/feeds/for-you/" + token + ".atom");
    }

    String mediaType() {
        return FeedWriter.Format.ATOM.mediaType();
    }

    String write(Context ctx, ForYou.Feed feed) {
        String base = site.base();
        List<Feed.Item> items = feed.items().stream().map(r -> item(base, r)).toList();
        // No updated date given: the newest paper's, or now for a feed without picks yet (never 1970).
        return writer.write(
                new Feed(
                        base + ctx.path(),
                        "For you · Paperboy",
                        "Papers like the ones you upvoted and saved",
                        base + "/papers/for-you",
                        null,
                        items),
                FeedWriter.Format.ATOM);
    }

    private static Feed.Item item(String base, Recommendation r) {
        Paper p = r.paper();
        String url = base + PaperLinks.page(p);
        Instant date = p.knownDate()
                .map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC))
                .orElse(null);
        return new Feed.Item(url, p.title(), url, p.authors(), r.why() + "\n\n" + p.abstractText(), date);
    }
}
