package io.paperboy.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * What the layout needs from every page: its title, a description for link previews, its
 * canonical path, the feeds it advertises, any extra {@code <meta>} tags, who is looking (for
 * the header's account links and the CSRF token of its forms), and the site's notice shown on
 * every page (null: none; the demo says its data is made up).
 */
public record Page(
        String title,
        String description,
        String path,
        List<FeedLink> feeds,
        List<Meta> meta,
        Visitor visitor,
        String siteNotice) {
    private static final String NOTICE = "paperboy.siteNotice";

    public Page {
        feeds = List.copyOf(feeds);
        meta = List.copyOf(meta);
    }

    public static Page of(Context ctx, String title, String description, String path) {
        return new Page(title, description, path, List.of(), List.of(), Visitor.of(ctx), ctx.attribute(NOTICE));
    }

    /** Shows {@code notice} at the top of every page of this request. */
    public static void setSiteNotice(Context ctx, String notice) {
        ctx.attribute(NOTICE, notice);
    }

    public Page withFeeds(List<FeedLink> feeds) {
        return new Page(title, description, path, feeds, meta, visitor, siteNotice);
    }

    public Page withMeta(List<Meta> meta) {
        return new Page(title, description, path, feeds, meta, visitor, siteNotice);
    }

    /** The signed-in member, or null. */
    public Member member() {
        return visitor.member();
    }

    /** The headers htmx adds to its requests: a member's CSRF token (the token is URL-safe base64). */
    public String htmxHeaders() {
        return member() == null || visitor.csrfToken() == null
                ? null
                : "{\"" + Csrf.HEADER + "\": \"" + visitor.csrfToken() + "\"}";
    }

    /** A feed advertised with {@code <link rel="alternate">}. */
    public record FeedLink(String title, String type, String href) {}

    /** A {@code <meta>} tag: {@code property} for Open Graph, {@code name} for the rest. */
    public record Meta(String attribute, String key, String content) {
        public static Meta name(String key, String content) {
            return new Meta("name", key, content);
        }

        public static Meta property(String key, String content) {
            return new Meta("property", key, content);
        }
    }
}
