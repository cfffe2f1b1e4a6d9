package io.paperboy.testing;

import io.paperboy.app.Site;
import io.paperboy.app.WebServer;
import io.paperboy.db.ChangeSequence;
import io.paperboy.db.Database;
import io.paperboy.ingest.Importer;
import io.paperboy.ingest.arxiv.HarvestSettings;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.PaperService;
import io.paperboy.search.Embedder;
import io.paperboy.search.EmbeddingStore;
import io.paperboy.search.EmbeddingWorker;
import io.paperboy.search.IndexFollower;
import io.paperboy.search.SearchIndex;
import io.paperboy.user.AccountService;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/** A real server on a free port over an SQLite store holding the three real samples, mailing to a real SMTP server. */
public final class TestServer implements AutoCloseable {
    public static final LocalDate IMPORT_DATE = LocalDate.of(2026, 11, 29);

    /** Every test member signs up from 127.0.0.1: the sign-up limit must not be what a test meets. */
    private static final int SIGNUPS_PER_ADDRESS = 100_000;
    /** Likewise every mail a test asks for (mailboxes keep the site's limit: tests of it use one mailbox). */
    private static final Site.MailLimits MAIL_LIMITS =
            new Site.MailLimits(Site.MailLimits.DEFAULT.perMailbox(), 100_000);

    private final Database db;
    private final MailServer mail;
    private final boolean ownsMail;
    private final String databaseUrl;
    private final Site.MailLimits mailLimits;
    private final UnaryOperator<SiteBuilder> tweak;
    private final ArxivApiReplay arxiv = new ArxivApiReplay();
    private final WebServer server;
    private final List<AutoCloseable> owned;
    private EmbeddingWorker embedding;
    private final HttpClient http = HttpClient.newHttpClient();
    private int metricsPort;

    public TestServer(Path dir) throws Exception {
        this(dir, TestStore.SQLITE);
    }

    /** The same on {@code store} (PostgreSQL for the tests that must hold on both). */
    public TestServer(Path dir, TestStore store) throws Exception {
        this(dir, store, SIGNUPS_PER_ADDRESS);
    }

    /** A server that lets one client address sign up {@code signupsPerAddress} times an hour. */
    public TestServer(Path dir, TestStore store, int signupsPerAddress) throws Exception {
        this(dir, store, signupsPerAddress, MAIL_LIMITS);
    }

    /** A server that lets visitors ask for mail within {@code mailLimits} (the site's own, say). */
    public TestServer(Path dir, TestStore store, Site.MailLimits mailLimits) throws Exception {
        this(dir, store, SIGNUPS_PER_ADDRESS, mailLimits);
    }

    /** A server on SQLite whose site is {@code tweak}ed (trusting proxies, say). */
    public TestServer(Path dir, UnaryOperator<SiteBuilder> tweak) throws Exception {
        this(dir, TestStore.SQLITE, tweak);
    }

    /** A server on {@code store} whose site is {@code tweak}ed; {@link #anotherNode} is tweaked alike. */
    public TestServer(Path dir, TestStore store, UnaryOperator<SiteBuilder> tweak) throws Exception {
        this(dir, store, SIGNUPS_PER_ADDRESS, MAIL_LIMITS, tweak);
    }

    private TestServer(Path dir, TestStore store, int signupsPerAddress, Site.MailLimits mailLimits) throws Exception {
        this(dir, store, signupsPerAddress, mailLimits, UnaryOperator.identity());
    }

    private TestServer(
            Path dir,
            TestStore store,
            int signupsPerAddress,
            Site.MailLimits mailLimits,
            UnaryOperator<SiteBuilder> tweak)
            throws Exception {
        this.mailLimits = mailLimits;
        this.tweak = tweak;
        mail = new MailServer();
        ownsMail = true;
        databaseUrl = store.newDatabaseUrl(dir);
        db = Database.open(databaseUrl);
        importSamples(dir);
        server = WebServer.start(
                db,
                tweak.apply(site(dir).loginLimits(limits(signupsPerAddress))).build(),
                "127.0.0.1",
                0);
        owned = List.of();
    }

    /**
     * A server whose public address is {@code siteUrl}, as behind a reverse proxy: browsers name
     * that address, while requests reach the server on its own loopback address.
     */
    public TestServer(Path dir, SiteUrl siteUrl) throws Exception {
        mailLimits = MAIL_LIMITS;
        tweak = UnaryOperator.identity();
        mail = new MailServer();
        ownsMail = true;
        databaseUrl = TestStore.SQLITE.newDatabaseUrl(dir);
        db = Database.open(databaseUrl);
        importSamples(dir);
        server = WebServer.start(
                db,
                site(dir).url(siteUrl).loginLimits(limits(SIGNUPS_PER_ADDRESS)).build(),
                "127.0.0.1",
                0);
        owned = List.of();
    }

    private static Site.LoginLimits limits(int signupsPerAddress) {
        return new Site.LoginLimits(
                Site.LoginLimits.DEFAULT.perAccount(), Site.LoginLimits.DEFAULT.perAddress(), signupsPerAddress);
    }

    // Another node on first's store: its own pool and server, the same mail server.
    private TestServer(Path dir, TestServer first) throws Exception {
        mail = first.mail;
        ownsMail = false;
        mailLimits = first.mailLimits;
        tweak = first.tweak;
        databaseUrl = first.databaseUrl;
        db = Database.open(databaseUrl);
        server = WebServer.start(
                db,
                tweak.apply(site(dir).loginLimits(limits(SIGNUPS_PER_ADDRESS))).build(),
                "127.0.0.1",
                0);
        owned = List.of();
    }

    /** A second node on this server's store, as in a cluster: it shares the store and the mail server. */
    public TestServer anotherNode(Path dir) throws Exception {
        return new TestServer(dir, this);
    }

    // A node whose index follows the store's embeddings and whose worker takes part in the site's
    // embedding job with embedder; on a new store (first == null, samples imported) or on first's.
    private TestServer(Path dir, TestStore store, TestServer first, Embedder embedder) throws Exception {
        mailLimits = MAIL_LIMITS;
        tweak = UnaryOperator.identity();
        mail = first == null ? new MailServer() : first.mail;
        ownsMail = first == null;
        databaseUrl = first == null ? store.newDatabaseUrl(dir) : first.databaseUrl;
        db = Database.open(databaseUrl);
        if (first == null) {
            importSamples(dir);
        }
        SearchIndex index = SearchIndex.inMemory();
        PaperService papers = new PaperService(db);
        EmbeddingStore vectors = new EmbeddingStore(db, embedder.name());
        IndexFollower follower = new IndexFollower(papers, index, vectors);
        follower.catchUp();
        embedding = new EmbeddingWorker(papers, vectors, index, embedder, "node " + dir.getFileName());
        embedding.embedPending(); // every paper not embedded yet, before the first request
        follower.catchUp();
        follower.start(200);
        embedding.start(200);
        server = WebServer.start(
                db, site(dir).loginLimits(limits(SIGNUPS_PER_ADDRESS)).build(), index, embedder, "127.0.0.1", 0);
        owned = List.of(embedding, follower, index);
    }

    /**
     * A server whose index holds real BGE-small embeddings of every sample paper (about 350, so
     * some seconds to build), for the features that rank by meaning.
     */
    public static TestServer withEmbeddings(Path dir) throws Exception {
        return new TestServer(dir, TestStore.SQLITE, null, new Embedder());
    }

    /** The same on {@code store} with {@code embedder} (one that counts its calls, say). */
    public static TestServer withEmbeddings(Path dir, TestStore store, Embedder embedder) throws Exception {
        return new TestServer(dir, store, null, embedder);
    }

    /** Another node on this server's store with its own index and embedding worker, as in a cluster. */
    public TestServer anotherNodeWithEmbeddings(Path dir, Embedder embedder) throws Exception {
        return new TestServer(dir, null, this, embedder);
    }

    /** This node's embedding worker (null on a server without embeddings). */
    public EmbeddingWorker embedding() {
        return embedding;
    }

    private void importSamples(Path dir) throws Exception {
        new Importer(db, new PaperService(db), new ListingService(db), IMPORT_DATE)
                .onKeywords(io.paperboy.keyword.Keywords::storeImported)
                .run(
                        List.of(
                                Samples.copy(Samples.SEED, dir),
                                Samples.copy(Samples.HF_DAILY, dir),
                                Samples.copy(Samples.SNAPSHOT, dir)),
                        false);
    }

    private SiteBuilder site(Path dir) {
        return SiteBuilder.local(dir.resolve("mail"))
                .mailer(mail.mailer())
                .arxivApi(arxivSettings())
                .mailLimits(mailLimits);
    }

    /**
     * Waits until the page cache has seen every change made so far: from then on an answer it
     * keeps is served again until the next change, which a test of "never cached" needs.
     */
    public void awaitChangesSeen() throws Exception {
        long current = db.withHandle(ChangeSequence::current);
        Poll.until(Duration.ofSeconds(5), server::changesSeen, seen -> seen >= current);
    }

    public Database db() {
        return db;
    }

    // No pause between requests and short timeouts: the failure tests take seconds, not minutes.
    private HarvestSettings arxivSettings() {
        return HarvestSettings.arxiv(arxiv.url(), "tests@example.org")
                .withDelay(Duration.ZERO)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withRetries(2, Duration.ofMillis(50), Duration.ofMillis(100));
    }

    /** The arXiv API the site's submissions ask: recorded answers, or trouble on demand. */
    public ArxivApiReplay arxiv() {
        return arxiv;
    }

    /** The SMTP server the site sends its mail to. */
    public MailServer mail() {
        return mail;
    }

    /** Gives the member called {@code name} a role, as `paperboy user role` would. */
    public void promote(String name, Role role) {
        new AccountService(db, mail.mailer(), new SiteUrl("http://localhost"), Clock.systemUTC())
                .setRole(name, role)
                .orElseThrow(() -> new AssertionError("no member called " + name));
    }

    /** The site's digest runs, wired as {@code serve}'s schedule runs them (with members' "for you" picks). */
    public io.paperboy.digest.DigestService digests() {
        return server.digests();
    }

    /** The site's webhook destinations, wired as the pages and serve's schedule use them. */
    public io.paperboy.webhook.WebhookService webhooks() {
        return server.webhooks();
    }

    /** A new browser session against this server. */
    public WebSession browser() {
        return new WebSession(this);
    }

    /** Every HTTP route the server registers, as "GET /papers/<id>", in the order they were registered. */
    public List<String> routes() {
        return server.routes();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /metrics} from the Prometheus listener ({@code serve --metrics-port}), started on first use. */
    public synchronized HttpResponse<String> metrics() throws Exception {
        if (metricsPort == 0) {
            metricsPort = server.listenForMetrics("127.0.0.1", 0);
        }
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + resource, e);
            }
        }
        arxiv.close();
        if (ownsMail) {
            mail.close();
        }
        db.close();
    }
}
