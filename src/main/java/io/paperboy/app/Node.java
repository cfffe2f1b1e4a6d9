package io.paperboy.app;

import io.paperboy.audit.ModerationLog;
import io.paperboy.comment.CommentPages;
import io.paperboy.comment.CommentService;
import io.paperboy.db.ChangeHorizon;
import io.paperboy.db.Database;
import io.paperboy.db.SiteSecrets;
import io.paperboy.db.ThrottleBuckets;
import io.paperboy.digest.DigestPages;
import io.paperboy.digest.DigestService;
import io.paperboy.digest.SubscriptionService;
import io.paperboy.foryou.ForYou;
import io.paperboy.foryou.ForYouPages;
import io.paperboy.foryou.PrivateFeed;
import io.paperboy.foryou.ReadingList;
import io.paperboy.foryou.ReadingListPages;
import io.paperboy.github.GithubStars;
import io.paperboy.hub.HubLinks;
import io.paperboy.ingest.arxiv.ArxivApiClient;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.jobs.NodeReports;
import io.paperboy.jobs.StoreOutage;
import io.paperboy.keyword.Keywords;
import io.paperboy.listing.ArxivLookup;
import io.paperboy.listing.DailyPapersApi;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingFeeds;
import io.paperboy.listing.ListingPages;
import io.paperboy.listing.ListingService;
import io.paperboy.listing.LookupQueue;
import io.paperboy.listing.Submissions;
import io.paperboy.listing.SubmitPages;
import io.paperboy.mcp.McpRoutes;
import io.paperboy.mcp.MemberTools;
import io.paperboy.mcp.ReadTools;
import io.paperboy.moderation.ModerationPages;
import io.paperboy.moderation.ModerationService;
import io.paperboy.paper.ApiPaper;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperApi;
import io.paperboy.paper.PaperExtras;
import io.paperboy.paper.PaperJson;
import io.paperboy.paper.PaperPages;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import io.paperboy.search.PaperVectors;
import io.paperboy.search.Ranking;
import io.paperboy.search.SearchApi;
import io.paperboy.search.SearchCards;
import io.paperboy.search.SearchFeeds;
import io.paperboy.search.SearchIndex;
import io.paperboy.search.SearchMetrics;
import io.paperboy.search.SearchPages;
import io.paperboy.search.SearchService;
import io.paperboy.search.SimilarApi;
import io.paperboy.search.SimilarPapers;
import io.paperboy.thumbnail.ThumbnailPages;
import io.paperboy.thumbnail.ThumbnailWorker;
import io.paperboy.user.AccountApi;
import io.paperboy.user.AccountPages;
import io.paperboy.user.AccountService;
import io.paperboy.user.AuthFilter;
import io.paperboy.user.AvatarPages;
import io.paperboy.user.ClaimPages;
import io.paperboy.user.Claims;
import io.paperboy.user.ProfilePages;
import io.paperboy.user.SettingsPages;
import io.paperboy.vote.VoteApi;
import io.paperboy.vote.VotePages;
import io.paperboy.vote.VoteService;
import io.paperboy.web.ActionLimit;
import io.paperboy.web.ChangeWatcher;
import io.paperboy.web.Csrf;
import io.paperboy.web.MailLimits;
import io.paperboy.web.Metrics;
import io.paperboy.web.PageCache;
import io.paperboy.web.SiteUrl;
import io.paperboy.web.StoreUnavailable;
import io.paperboy.web.Throttle;
import io.paperboy.web.Throttles;
import io.paperboy.webhook.TargetGuard;
import io.paperboy.webhook.WebhookPages;
import io.paperboy.webhook.WebhookSender;
import io.paperboy.webhook.WebhookService;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every service, page and API of one node, built once from the store, the
 * site's settings and the search index, each given the others it needs by name. The routes that
 * reach the pages and APIs are in {@link Routes}; the node's loops started here (the page cache's
 * change watchers, the node report) are noted in the node's {@link Lifecycle}.
 */
final class Node {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    // A submission waits at most a minute in this node's line for arXiv, then at most 30 s for the site's turn.
    private static final Duration ARXIV_MAX_WAIT = Duration.ofSeconds(60);
    private static final Duration ARXIV_TURN_WAIT = Duration.ofSeconds(30);
    /** A node's index lag is counted up to this many papers (the count walks the change_seq index). */
    private static final int NODE_LAG_COUNTED = 1_000_000;

    final Database db;
    final Site site;
    final SiteUrl url;
    final SearchIndex index;
    final Ranking ranking;
    final String name;
    /** Set on the site's pages when the store holds the demo. */
    final String notice;

    // Services, the features' own, then the node's.
    final AccountService accounts;
    final AuthFilter auth;
    final Throttles throttles;
    final MailLimits mailLimits;
    final PaperService papers;
    final VoteService votes;
    final ListingService listings;
    final SearchService search;
    final SimilarPapers similar;
    final Claims claims;
    final ReadingList readingList;
    final ForYou forYou;
    final DigestService digests;
    final WebhookService webhooks;
    final Keywords keywords;
    final PaperExtras.Source extras;
    final CommentService comments;
    final PrivateFeed privateFeed;
    final Submissions submissions;
    final Operations operations;
    final Metrics metrics;
    final StoreOutage outage;
    final ChangeWatcher changes;
    final PageCache pageCache;
    final StoreUnavailable storeUnavailable;

    // Pages and APIs, which the route table reaches.
    final Health health;
    final SearchApi searchApi;
    final SimilarApi similarApi;
    final PaperApi paperApi;
    final DailyPapersApi dailyPapersApi;
    final ListingFeeds listingFeeds;
    final SearchFeeds searchFeeds;
    final SearchPages searchPages;
    final VoteApi voteApi;
    final VotePages votePages;
    final ListingPages listingPages;
    final SubmitPages submitPages;
    final CommentPages commentPages;
    final ForYouPages forYouPages;
    final ReadingListPages readingListPages;
    final PaperPage paperPage;
    final AccountPages accountPages;
    final SettingsPages settingsPages;
    final AvatarPages avatarPages;
    final ThumbnailPages thumbnailPages;
    final AccountApi accountApi;
    final ClaimPages claimPages;
    final ProfilePages profilePages;
    final ModerationPages moderationPages;
    final OperatorPages operatorPages;
    final DigestPages digestPages;
    final WebhookPages webhookPages;
    final McpRoutes mcp;

    /**
     * The node that will listen on {@code port} of {@code host} (the address its mails link to,
     * unless the site names its own), searching {@code index} through {@code searchByText}.
     */
    Node(
            Lifecycle life,
            Database db,
            Site site,
            SearchIndex index,
            SearchService searchByText,
            Ranking ranking,
            String host,
            int port) {
        this.db = db;
        this.site = site;
        this.index = index;
        this.ranking = ranking;
        url = site.url() != null ? site.url() : Site.listeningUrl(host, port);
        // Every node reports into the store; any node's operator page and metrics show them all.
        name = ManagementFactory.getRuntimeMXBean().getName() + ":" + port;
        notice = DemoSite.isDemo(db) ? WebServer.DEMO_NOTICE : null;

        accounts = new AccountService(db, site.mailer(), url, site.clock());
        auth = new AuthFilter(
                accounts,
                new Csrf(SiteSecrets.key(db, "csrf"), url),
                url,
                // One-click unsubscribe (RFC 8058): mail clients post without a page. MCP: its tools act
                // only for an API token's member, never for the session cookie, so a cookie there drives nothing.
                List.of("/unsubscribe/", McpRoutes.PATH));
        // Every limit counts in the store, shared by all nodes on it.
        throttles = new Throttles(new ThrottleBuckets(db, site.clock()).proxies());
        mailLimits = new MailLimits(
                throttles, site.mailLimits().perMailbox(), site.mailLimits().perAddress());
        papers = new PaperService(db);
        votes = new VoteService(db, papers, site.clock());
        listings = new ListingService(db, papers, votes, site.clock());
        search = searchByText.withUpvotes(votes::mostUpvoted);
        similar = new SimilarPapers(index);
        claims = new Claims(db, papers, site.clock());
        readingList = new ReadingList(db, papers, site.clock());
        forYou = new ForYou(
                db, papers, new PaperVectors(index), similar, votes::upvotedPaperIds, readingList, site.clock());
        digests = new DigestService(db, listings, papers, search, site.mailer(), url, forYou);
        keywords = new Keywords(db);
        extras = new Extras(
                keywords::ofAll,
                site.external().githubStars() ? new GithubStars(db)::ofAll : null,
                site.external().hubLinks() ? new HubLinks(db)::ofAll : null);
        comments = new CommentService(db, new ModerationLog(), site.clock());
        privateFeed = new PrivateFeed(db, site.clock());
        // An impostor who signed up with the owner's address may have made the feed's secret address.
        accounts.onClaimedByReset(privateFeed::revoke);
        // Webhook destinations: the pages add and test them, serve's schedule delivers through the same service.
        TargetGuard webhookGuard = new TargetGuard(site.webhooksAllowPrivate());
        WebhookSender webhookSender =
                life.started("webhook sender", new WebhookSender(webhookGuard, Clock.systemUTC()));
        webhooks = new WebhookService(db, digests, listings, webhookSender, webhookGuard, site.clock());
        // Unconfirmed accounts cannot add destinations; should one have any, its address's owner's reset ends them.
        accounts.onClaimedByReset(webhooks::deleteOwnedBy);
        HarvestSettings arxivSettings = site.arxivApi() != null
                ? site.arxivApi()
                : ArxivApiLookup.settings(ArxivApiClient.ARXIV_API, url.base());
        ArxivApiLookup arxiv = life.started("arXiv lookups", new ArxivApiLookup(arxivSettings));
        submissions = new Submissions(
                db,
                papers,
                listings,
                arxiv,
                arxivLine(throttles, arxivSettings.delay()),
                new ModerationLog(),
                site.clock());

        metrics = new Metrics();
        metrics.bind(new SearchMetrics(index));
        // Watching the change number every quarter second, it notices when the store goes away and comes back.
        outage = new StoreOutage("web", LOG);
        // Up to the horizon, not the newest number: a change committing late must still move it (see ChangeHorizon).
        changes = life.started("change watcher", new ChangeWatcher(new ChangeHorizon(db)::advance, outage));
        // Key phrases arrive later than their papers, from the keyword worker.
        ChangeWatcher keywordsStored =
                life.started("key phrase watcher", new ChangeWatcher(keywords::progress, outage));
        // Answers come from the store and, for search and similar papers, from the index following it; a
        // change drops only the cached answers that show what it touched (its topics). Trending's window
        // and today's date move with the clock, not with changes: every answer is made again once an hour.
        pageCache = new PageCache(
                () -> List.of(
                        index.appliedSeq(),
                        keywordsStored.getAsLong(),
                        site.clock().instant().truncatedTo(ChronoUnit.HOURS)),
                changes,
                metrics::record);
        changes.onChange(new ChangeTopics(db, pageCache));
        storeUnavailable = new StoreUnavailable(outage, pageCache, db.poolSize());
        EmbeddingStore storedVectors = new EmbeddingStore(db, Embedder.BGE_SMALL);
        Instant started = Instant.now();
        NodeReports nodeReports = life.started(
                "node report",
                new NodeReports(db)
                        .start(
                                name,
                                Operations.version(),
                                started,
                                index::appliedSeq,
                                () -> papers.countChangedSince(index.appliedSeq(), NODE_LAG_COUNTED),
                                () -> storedVectors.countSince(index.vectorsSeq(), NODE_LAG_COUNTED)));
        operations = new Operations(db, papers, digests, storedVectors, nodeReports, name, started, site.clock());
        // Reads the operator page's figures every few seconds, so a scrape never waits for the store;
        // stopped before the store it reads.
        OperationsMetrics operationsMetrics =
                life.started("operations metrics", new OperationsMetrics(operations, site.clock()));
        metrics.bind(operationsMetrics);
        operationsMetrics.start();

        // Upvotes and reading-list changes: one bucket per account for the pages, the API and MCP.
        ActionLimit voteLimit = ActionLimit.votes(throttles);
        ActionLimit saveLimit = ActionLimit.saves(throttles);
        health = new Health(db, papers, index::appliedSeq);
        searchApi = new SearchApi(search, papers, this::paperJson, ranking);
        similarApi = new SimilarApi(similar, papers, this::paperJson);
        paperApi = new PaperApi(papers, listings::upvotes, comments, extras);
        dailyPapersApi = new DailyPapersApi(listings, comments, extras);
        listingFeeds = new ListingFeeds(listings, url);
        searchFeeds = new SearchFeeds(search, papers, ranking, url);
        searchPages = new SearchPages(
                search,
                papers,
                ranking,
                (member, ids) -> new SearchCards.Controls(
                        listings.upvotes(ids),
                        member == null ? Set.of() : votes.upvotedBy(member.id(), ids),
                        member == null ? Set.of() : readingList.savedAmong(member.id(), ids),
                        comments.counts(ids)));
        voteApi = new VoteApi(votes, voteLimit);
        votePages = new VotePages(votes, voteLimit);
        listingPages = new ListingPages(listings, votes, comments, accounts::displayNames, extras);
        submitPages = new SubmitPages(submissions, throttles);
        commentPages = new CommentPages(comments, papers, accounts::displayNames, throttles);
        forYouPages = new ForYouPages(forYou, privateFeed, url);
        readingListPages = new ReadingListPages(readingList, saveLimit);
        paperPage = new PaperPage(
                new PaperPages(papers, extras, url),
                listings,
                votes,
                similarApi,
                claims,
                readingListPages,
                submitPages,
                commentPages,
                extras);
        accountPages = new AccountPages(
                accounts,
                auth,
                throttles,
                mailLimits,
                site.loginLimits().perAccount(),
                site.loginLimits().perAddress(),
                site.loginLimits().signupsPerAddress());
        settingsPages = new SettingsPages(accounts, auth, throttles, mailLimits);
        avatarPages = new AvatarPages();
        thumbnailPages = new ThumbnailPages(papers, site.thumbnails(), id -> ThumbnailWorker.stored(db, id));
        accountApi = new AccountApi();
        claimPages = new ClaimPages(claims);
        profilePages = new ProfilePages(accounts, claims, papers, this::submittedPaperIds, votes::upvotedPaperIds);
        moderationPages = new ModerationPages(
                new ModerationService(db, papers, listings, claims, accounts), papers, listings, claims, accounts);
        operatorPages = new OperatorPages(operations, new io.paperboy.settings.SiteSettingsService(db, site.clock()));
        digestPages = new DigestPages(
                new SubscriptionService(db, site.mailer(), search, url, site.clock()),
                digests,
                auth::anonymousToken,
                id -> accounts.byId(id).orElseThrow().email(),
                site.clock(),
                throttles,
                mailLimits);
        webhookPages = new WebhookPages(webhooks, throttles);
        mcp = new McpRoutes(
                new ReadTools(search, ranking, papers, listings, similarApi::likeInOrder, listings::upvotes, url),
                new MemberTools(votes, readingList, forYou, url, voteLimit, saveLimit));
    }

    /** The change number of the store as this node's page cache last saw it. */
    long changesSeen() {
        return changes.getAsLong();
    }

    // A list of papers as the API shows them: its votes, comments and extras in one query each, not per paper.
    private List<ApiPaper> paperJson(List<Paper> shown) {
        List<String> ids = shown.stream().map(Paper::id).toList();
        Map<String, Integer> upvotes = listings.upvotes(ids);
        Map<String, Integer> counts = comments.counts(ids);
        Map<String, PaperExtras> found = extras.of(ids);
        return shown.stream()
                .map(p -> PaperJson.write(
                        p,
                        upvotes.getOrDefault(p.id(), 0),
                        counts.getOrDefault(p.id(), 0),
                        found.getOrDefault(p.id(), PaperExtras.NONE)))
                .toList();
    }

    private List<String> submittedPaperIds(String userName) {
        return listings.submittedBy(userName, Claims.MAX_LISTED).stream()
                .map(ListingEntry::paperId)
                .toList();
    }

    /**
     * Submissions' line for arXiv: members take turns on this node, and every node takes its turn
     * at arXiv's pace through one bucket in the store, so the site as a whole asks once per {@code pace}.
     */
    private static LookupQueue arxivLine(Throttles throttles, Duration pace) {
        if (pace.isZero()) {
            return new LookupQueue(pace, () -> {}, ARXIV_MAX_WAIT);
        }
        Throttle arxivTurns = throttles.of("arxiv-api", "arXiv lookups", 1, pace);
        return new LookupQueue(
                pace,
                () -> {
                    if (!arxivTurns.await("submissions", ARXIV_TURN_WAIT)) {
                        throw new ArxivLookup.Unavailable("the site's other servers are keeping it busy", null);
                    }
                },
                ARXIV_MAX_WAIT);
    }
}
