package io.paperboy.thumbnail;

import io.paperboy.db.Database;
import io.paperboy.jobs.BackgroundLoop;
import io.paperboy.paper.Paper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the first page of featured papers in the background: fetches each arXiv paper's PDF
 * politely (one request per {@link ThumbnailSettings#interval()}, a User-Agent with the contact
 * address), renders it with PDFBox ({@link FirstPage}) into {@code DIR/thumbnails}, and records
 * the outcome in the store, so a restart (even after kill -9) goes on with the papers not done
 * yet. With several nodes on one store, a node claims each paper through its row before fetching,
 * so one node fetches each PDF, and the PNG is kept in the store too, so every node serves it. A
 * file that is not a renderable PDF fails for good (the cover stands in); a network error
 * or an error status is tried again on later rounds, up to {@code maxAttempts}. Pages never wait:
 * they show the PNG once it exists, the cover until then.
 */
public final class ThumbnailWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailWorker.class);
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String RETRY = "retry";
    /** A node is fetching the PDF; after {@link #LEASE} without news, another node may take the paper over. */
    static final String CLAIMED = "claimed";
    static final Duration LEASE = Duration.ofMinutes(10);

    private final Database db;
    private final Supplier<List<Paper>> featured;
    private final ThumbnailSettings settings;
    private final Clock clock;
    private final ThumbnailRepository repository = new ThumbnailRepository();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final BackgroundLoop loop = new BackgroundLoop(Duration.ofSeconds(10));
    private long lastRequestNanos;
    private boolean requested;

    /** {@code featured} lists the papers that should have a thumbnail (recently featured ones). */
    public ThumbnailWorker(Database db, Supplier<List<Paper>> featured, ThumbnailSettings settings, Clock clock) {
        this.db = db;
        this.featured = featured;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where the PNG of {@code paperId} is (or will be) stored under {@code dir}. */
    public static Path file(Path dir, String paperId) {
        return dir.resolve(paperId.replace('/', '_') + ".png");
    }

    /** One round over the featured papers that need a thumbnail; returns how many PNGs it stored. */
    public synchronized int renderPending() throws InterruptedException {
        List<Paper> papers = featured.get().stream().filter(Paper::isArxiv).toList();
        Map<String, ThumbnailRepository.State> states = db.withHandle(h ->
                repository.listFor(h, papers.stream().map(Paper::id).toList()));
        int stored = 0;
        for (Paper p : papers) {
            ThumbnailRepository.State state = states.get(p.id());
            if (settled(state) || loop.stopped()) {
                continue;
            }
            java.time.Instant now = clock.instant();
            if (!db.inTransaction(h -> repository.claim(h, p.id(), state, now))) {
                continue; // another node is on it
            }
            stored += render(p, state == null ? 0 : state.attempts()) ? 1 : 0;
        }
        return stored;
    }

    private boolean settled(ThumbnailRepository.State state) {
        if (state == null) {
            return false;
        }
        return switch (state.status()) {
            case RETRY -> state.attempts() >= settings.maxAttempts();
            case CLAIMED -> clock.instant().isBefore(java.time.Instant.parse(state.updatedAt()).plus(LEASE))
                    || state.attempts() >= settings.maxAttempts();
            default -> true;
        };
    }

    private boolean render(Paper p, int attemptsBefore) throws InterruptedException {
        int attempts = attemptsBefore + 1;
        byte[] pdf;
        try {
            pdf = fetch(p);
        } catch (IOException e) {
            record(p, RETRY, attempts, e.getMessage(), null);
            return false;
        }
        try {
            byte[] png = FirstPage.png(pdf);
            Files.createDirectories(settings.dir());
            Path target = file(settings.dir(), p.id());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, png);
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            record(p, DONE, attempts, null, png);
            return true;
        } catch (IOException | RuntimeException e) {
            // Not a PDF PDFBox can read (or an empty one): fetching again would give the same bytes.
            record(p, FAILED, attempts, "cannot render the PDF: " + e.getMessage(), null);
            return false;
        }
    }

    private byte[] fetch(Paper p) throws IOException, InterruptedException {
        pace();
        HttpRequest request = HttpRequest.newBuilder(settings.pdfBase().resolve(p.id()))
                .header("User-Agent", settings.userAgent()).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
            lastRequestNanos = System.nanoTime();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    // One request per interval, counted from the end of the previous one (whatever it answered), so
    // requests also arrive at least an interval apart however slow the connection.
    private void pace() throws InterruptedException {
        if (requested) {
            long waitNanos = settings.interval().toNanos() - (System.nanoTime() - lastRequestNanos);
            if (waitNanos > 0 && loop.awaitStop(Duration.ofNanos(waitNanos))) {
                throw new InterruptedException("thumbnail worker stopped");
            }
        }
        requested = true;
    }

    private void record(Paper p, String status, int attempts, String error, byte[] png) {
        if (error != null) {
            LOG.info("thumbnails: {} for {} (attempt {}): {}", status, p.id(), attempts, error);
        }
        db.useTransaction(h -> repository.upsert(h, p.id(), status, attempts, error, png, clock.instant()));
    }

    /** The PNG any node stored for {@code paperId}, for a node whose own folder lacks it. */
    public static java.util.Optional<byte[]> stored(Database db, String paperId) {
        return db.withHandle(h -> new ThumbnailRepository().png(h, paperId));
    }

    /** Renders what is pending now, then every {@code interval} on a background thread, until {@link #close}. */
    public void start(Duration interval) {
        loop.start("thumbnail-worker", interval, this::renderPending,
                e -> LOG.warn("thumbnails: a round failed; the next one goes on from the stored state", e));
    }

    @Override
    public void close() {
        loop.close();
    }
}
