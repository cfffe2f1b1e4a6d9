package io.paperboy.app;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.paperboy.listing.RankingPage;
import io.paperboy.mcp.McpRoutes;
import io.paperboy.moderation.ModerationPages;
import io.paperboy.user.AccountApi;
import io.paperboy.webhook.WebhookPages.Scope;
import java.util.List;
import java.util.function.Function;

/**
 * Every route of the site, in one table: its method, its path, what it is (a page a browser visits,
 * a form it posts, the JSON API, a feed, a file, an operations endpoint), who may use it, and the
 * handler of the node's page or API that answers it. {@code paperboy routes} prints it; the server
 * registers it; the browser walk reads it.
 *
 * <p><b>The order.</b> Javalin answers a request with the first route, in this order, whose method
 * and path match, and {@code <id>} spans slashes (an old-style arXiv id is {@code hep-th/9901001}).
 * So every fixed path that an {@code <id>} route would also match comes before that route:
 * {@code /api/papers/search} and {@code /api/papers/<id>/similar} before {@code /api/papers/<id>}
 * (which would take "search" for an id and swallow "/similar"), and every {@code /papers/…} page
 * ({@code date}, {@code week}, {@code trending}, {@code for-you}, …) before {@code /papers/<id>}.
 * The paper page and the paper API therefore come last of their kind; elsewhere lines stand beside
 * their feature's others. A {@code BEFORE} line is a filter run before every route it matches.
 *
 * <p><b>Adding a route</b>: one line beside its feature's, {@code get(path, kind, who, n -> n.pages::handler)},
 * above the {@code <id>} routes if the paper page or API could take its path; the handler is a
 * public method of the page or API, which {@link Node} builds.
 */
public final class Routes {
    private Routes() {}

    /** What a route is; {@code PAGE}s are the GET routes a browser visits, which the browser walk walks. */
    public enum Kind {
        PAGE,
        FORM,
        API,
        FEED,
        FILE,
        OPS,
        FILTER
    }

    /**
     * Who may use a route: anyone, a signed-in member, a member whose address is confirmed, a
     * curator, an admin. A route for anyone may still act on a secret its URL carries (a mailed link, a feed token).
     */
    public enum Who {
        ANYONE,
        MEMBER,
        VERIFIED,
        CURATOR,
        ADMIN
    }

    /** One line of the table; {@code handler} is found on the node the server runs. */
    public record Route(HandlerType method, String path, Kind kind, Who who, Function<Node, Handler> handler) {
        public boolean isPage() {
            return kind == Kind.PAGE;
        }

        @Override
        public String toString() {
            return method.name() + " " + path;
        }
    }

    /** The table, in the order the server registers it (the order matters: see above). */
    public static final List<Route> TABLE = List.of(
            // Operations: for balancers and Prometheus (which scrapes --metrics-port; here admins only).
            get("/health", Kind.OPS, Who.ANYONE, n -> n.health::health),
            get("/health/live", Kind.OPS, Who.ANYONE, n -> n.health::live),
            get("/health/ready", Kind.OPS, Who.ANYONE, n -> n.health::ready),
            get("/metrics", Kind.OPS, Who.ADMIN, n -> n.metrics::scrape),
            get("/admin/operations", Kind.PAGE, Who.ADMIN, n -> n.operatorPages::showOperations),
            post("/admin/operations/settings", Kind.FORM, Who.ADMIN, n -> n.operatorPages::changeSettings),

            // The JSON API (documented in /api/openapi.json), fixed paths before /api/papers/<id>.
            get("/api/openapi.json", Kind.API, Who.ANYONE, n -> WebServer::openApi),
            // The site's own CSS, scripts and fonts under their content hash (web.StaticAssets).
            get("/static/{version}/<file>", Kind.FILE, Who.ANYONE, n -> io.paperboy.web.StaticAssets::serve),
            get("/api/papers/search", Kind.API, Who.ANYONE, n -> n.searchApi::searchPapers),
            get("/api/papers/<id>/similar", Kind.API, Who.ANYONE, n -> n.similarApi::list),
            post("/api/papers/submit", Kind.API, Who.VERIFIED, n -> n.submitPages::submitByApi),
            post("/api/papers/<id>/upvote", Kind.API, Who.VERIFIED, n -> n.voteApi::upvote),
            delete("/api/papers/<id>/upvote", Kind.API, Who.VERIFIED, n -> n.voteApi::withdraw),
            post("/api/papers/<id>/save", Kind.API, Who.MEMBER, n -> n.readingListPages::apiSave),
            delete("/api/papers/<id>/save", Kind.API, Who.MEMBER, n -> n.readingListPages::apiUnsave),
            get("/api/papers/<id>", Kind.API, Who.ANYONE, n -> n.paperApi::show),
            get("/api/daily_papers", Kind.API, Who.ANYONE, n -> n.dailyPapersApi::list),
            get("/api/whoami", Kind.API, Who.MEMBER, n -> AccountApi::whoami),
            // The Model Context Protocol for AI assistants: its member tools need an API token.
            post("/mcp", Kind.API, Who.ANYONE, n -> n.mcp::receive),
            get("/mcp", Kind.API, Who.ANYONE, n -> McpRoutes::noStream),
            delete("/mcp", Kind.API, Who.ANYONE, n -> McpRoutes::noStream),

            // Feeds (Atom, RSS, JSON Feed); the private "for you" feed is reached by its secret token.
            get("/feeds/daily.{format}", Kind.FEED, Who.ANYONE, n -> n.listingFeeds::daily),
            get("/feeds/trending.{format}", Kind.FEED, Who.ANYONE, n -> n.listingFeeds::trending),
            get("/feeds/search.{format}", Kind.FEED, Who.ANYONE, n -> n.searchFeeds::feed),
            get("/feeds/for-you/{token}", Kind.FEED, Who.ANYONE, n -> n.forYouPages::showPrivateFeed),

            // Listings and search: every /papers/… page before /papers/<id>.
            get("/", Kind.PAGE, Who.ANYONE, n -> n.listingPages::home),
            get("/papers", Kind.PAGE, Who.ANYONE, n -> n.searchPages::page),
            get("/papers/date/{date}", Kind.PAGE, Who.ANYONE, n -> n.listingPages::day),
            get("/papers/week/{week}", Kind.PAGE, Who.ANYONE, n -> n.listingPages::week),
            get("/papers/month/{month}", Kind.PAGE, Who.ANYONE, n -> n.listingPages::month),
            get("/papers/trending", Kind.PAGE, Who.ANYONE, n -> n.listingPages::trending),
            get("/papers/week", Kind.PAGE, Who.ANYONE, n -> n.listingPages::latestWeek),
            get("/papers/month", Kind.PAGE, Who.ANYONE, n -> n.listingPages::latestMonth),
            get("/papers/for-you", Kind.PAGE, Who.MEMBER, n -> n.forYouPages::show),
            post("/papers/for-you/feed", Kind.FORM, Who.MEMBER, n -> n.forYouPages::changePrivateFeed),
            get("/about/ranking", Kind.PAGE, Who.ANYONE, n -> RankingPage::show),

            // Submissions, votes, the reading list, comments.
            get("/submit", Kind.PAGE, Who.MEMBER, n -> n.submitPages::showForm),
            post("/submit", Kind.FORM, Who.VERIFIED, n -> n.submitPages::submitPaper),
            post("/submit/again", Kind.FORM, Who.CURATOR, n -> n.submitPages::featureAgain),
            post("/papers/<id>/upvote", Kind.FORM, Who.VERIFIED, n -> n.votePages::postVote),
            delete("/papers/<id>/upvote", Kind.FORM, Who.VERIFIED, n -> n.votePages::withdraw),
            get("/saved", Kind.PAGE, Who.MEMBER, n -> n.readingListPages::show),
            post("/saved/<id>", Kind.FORM, Who.MEMBER, n -> n.readingListPages::change),
            post("/papers/<id>/save", Kind.FORM, Who.MEMBER, n -> n.readingListPages::saveForm),
            post("/papers/<id>/comments", Kind.FORM, Who.VERIFIED, n -> n.commentPages::postComment),
            post("/comments/{id}/edit", Kind.FORM, Who.VERIFIED, n -> n.commentPages::editComment),
            post("/comments/{id}/delete", Kind.FORM, Who.VERIFIED, n -> n.commentPages::deleteComment),
            post("/comments/{id}/hide", Kind.FORM, Who.CURATOR, n -> n.commentPages::hide),
            post("/comments/{id}/unhide", Kind.FORM, Who.CURATOR, n -> n.commentPages::unhide),

            // The paper page: after every other /papers/… GET route, since <id> would take them.
            get("/papers/<id>", Kind.PAGE, Who.ANYONE, n -> n.paperPage::show),

            // Accounts, settings, profiles, author claims.
            get("/signup", Kind.PAGE, Who.ANYONE, n -> n.accountPages::showSignup),
            post("/signup", Kind.FORM, Who.ANYONE, n -> n.accountPages::signup),
            get("/login", Kind.PAGE, Who.ANYONE, n -> n.accountPages::showLogin),
            post("/login", Kind.FORM, Who.ANYONE, n -> n.accountPages::login),
            post("/logout", Kind.FORM, Who.ANYONE, n -> n.accountPages::logout),
            get("/verify", Kind.PAGE, Who.MEMBER, n -> n.accountPages::verify),
            get("/reset", Kind.PAGE, Who.ANYONE, n -> n.accountPages::resetPage),
            post("/reset", Kind.FORM, Who.ANYONE, n -> n.accountPages::requestReset),
            post("/reset/confirm", Kind.FORM, Who.ANYONE, n -> n.accountPages::confirmReset),
            get("/settings", Kind.PAGE, Who.MEMBER, n -> n.settingsPages::show),
            post("/settings/profile", Kind.FORM, Who.MEMBER, n -> n.settingsPages::profile),
            post("/settings/password", Kind.FORM, Who.MEMBER, n -> n.settingsPages::password),
            post("/settings/tokens", Kind.FORM, Who.MEMBER, n -> n.settingsPages::createToken),
            post("/settings/tokens/{id}/revoke", Kind.FORM, Who.MEMBER, n -> n.settingsPages::revokeToken),
            post("/settings/verify", Kind.FORM, Who.MEMBER, n -> n.settingsPages::resendVerification),
            get("/avatars/{file}", Kind.FILE, Who.ANYONE, n -> n.avatarPages::showAvatar),
            get("/thumbnails/<id>", Kind.FILE, Who.ANYONE, n -> n.thumbnailPages::showThumbnail),
            post("/claims", Kind.FORM, Who.VERIFIED, n -> n.claimPages::claim),
            get("/u/{name}", Kind.PAGE, Who.ANYONE, n -> n.profilePages::show),

            // Moderation: every /moderation route behind the curator's guard; members and roles for admins.
            before("/moderation", Who.CURATOR, n -> ModerationPages::requireCurator),
            before("/moderation/*", Who.CURATOR, n -> ModerationPages::requireCurator),
            get("/moderation", Kind.PAGE, Who.CURATOR, n -> n.moderationPages::showHome),
            get("/moderation/papers", Kind.PAGE, Who.CURATOR, n -> n.moderationPages::findPaper),
            get("/moderation/papers/<id>", Kind.PAGE, Who.CURATOR, n -> n.moderationPages::showPaper),
            post("/moderation/papers/hide", Kind.FORM, Who.CURATOR, n -> n.moderationPages::hide),
            post("/moderation/papers/unhide", Kind.FORM, Who.CURATOR, n -> n.moderationPages::unhide),
            post("/moderation/listings/unfeature", Kind.FORM, Who.CURATOR, n -> n.moderationPages::unfeature),
            post("/moderation/listings/restore", Kind.FORM, Who.CURATOR, n -> n.moderationPages::restore),
            get("/moderation/claims", Kind.PAGE, Who.CURATOR, n -> n.moderationPages::showClaims),
            post("/moderation/claims/{id}/approve", Kind.FORM, Who.CURATOR, n -> n.moderationPages::approveClaim),
            post("/moderation/claims/{id}/reject", Kind.FORM, Who.CURATOR, n -> n.moderationPages::rejectClaim),
            get("/moderation/members", Kind.PAGE, Who.ADMIN, n -> n.moderationPages::showMembers),
            post("/moderation/members/role", Kind.FORM, Who.ADMIN, n -> n.moderationPages::changeRole),
            get("/moderation/log", Kind.PAGE, Who.CURATOR, n -> n.moderationPages::showLog),

            // Digests by mail: subscriptions by anyone (double opt-in), one-click unsubscribe from the mail.
            get("/subscribe", Kind.PAGE, Who.ANYONE, n -> n.digestPages::showSubscribe),
            post("/subscribe", Kind.FORM, Who.ANYONE, n -> n.digestPages::subscribe),
            get("/subscribe/confirm", Kind.PAGE, Who.ANYONE, n -> n.digestPages::confirmPage),
            post("/subscribe/confirm", Kind.FORM, Who.ANYONE, n -> n.digestPages::confirm),
            get("/unsubscribe/{token}", Kind.PAGE, Who.ANYONE, n -> n.digestPages::unsubscribePage),
            post("/unsubscribe/{token}", Kind.FORM, Who.ANYONE, n -> n.digestPages::unsubscribe),
            // Webhook and chat destinations: the site's (admins) and a member's own.
            get("/admin/webhooks", Kind.PAGE, Who.ADMIN, n -> n.webhookPages.show(Scope.SITE)),
            post("/admin/webhooks", Kind.FORM, Who.ADMIN, n -> n.webhookPages.add(Scope.SITE)),
            post("/admin/webhooks/{destination}/test", Kind.FORM, Who.ADMIN, n -> n.webhookPages.sendTest(Scope.SITE)),
            post("/admin/webhooks/{destination}/resume", Kind.FORM, Who.ADMIN, n -> n.webhookPages.resume(Scope.SITE)),
            post("/admin/webhooks/{destination}/delete", Kind.FORM, Who.ADMIN, n -> n.webhookPages.delete(Scope.SITE)),
            get("/settings/webhooks", Kind.PAGE, Who.MEMBER, n -> n.webhookPages.show(Scope.OWN)),
            post("/settings/webhooks", Kind.FORM, Who.VERIFIED, n -> n.webhookPages.add(Scope.OWN)),
            post(
                    "/settings/webhooks/{destination}/test",
                    Kind.FORM,
                    Who.VERIFIED,
                    n -> n.webhookPages.sendTest(Scope.OWN)),
            post(
                    "/settings/webhooks/{destination}/resume",
                    Kind.FORM,
                    Who.VERIFIED,
                    n -> n.webhookPages.resume(Scope.OWN)),
            post(
                    "/settings/webhooks/{destination}/delete",
                    Kind.FORM,
                    Who.VERIFIED,
                    n -> n.webhookPages.delete(Scope.OWN)),
            get("/settings/digest", Kind.PAGE, Who.MEMBER, n -> n.digestPages::settingsPage),
            post("/settings/digest", Kind.FORM, Who.MEMBER, n -> n.digestPages::saveSettings),
            post("/settings/digest/stop", Kind.FORM, Who.MEMBER, n -> n.digestPages::stop),
            get("/digest/preview", Kind.PAGE, Who.ANYONE, n -> n.digestPages::preview));

    private static Route get(String path, Kind kind, Who who, Function<Node, Handler> handler) {
        return new Route(HandlerType.GET, path, kind, who, handler);
    }

    private static Route post(String path, Kind kind, Who who, Function<Node, Handler> handler) {
        return new Route(HandlerType.POST, path, kind, who, handler);
    }

    private static Route delete(String path, Kind kind, Who who, Function<Node, Handler> handler) {
        return new Route(HandlerType.DELETE, path, kind, who, handler);
    }

    private static Route before(String path, Who who, Function<Node, Handler> handler) {
        return new Route(HandlerType.BEFORE, path, Kind.FILTER, who, handler);
    }

    /** The table as {@code paperboy routes} prints it: one route a line, in order, in aligned columns. */
    public static String text() {
        StringBuilder out = new StringBuilder(String.format("%-7s %-34s %-7s %s%n", "METHOD", "PATH", "KIND", "WHO"));
        for (Route route : TABLE) {
            out.append(String.format(
                    "%-7s %-34s %-7s %s%n",
                    route.method().name(),
                    route.path(),
                    route.kind().name().toLowerCase(java.util.Locale.ROOT),
                    route.who().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return out.toString();
    }
}
