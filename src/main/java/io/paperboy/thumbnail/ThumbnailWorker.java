package io.paperboy.thumbnail;

import io.paperboy.db.Database;
import io.paperboy.jobs.PoliteRefresh;
import io.paperboy.paper.Paper;
import java.io.IOException;
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
 * politely (one request per {@link ThumbnailSettings#interval()}, counted from the end of the
 * previous one; a User-Agent with the contact address; a 429 or 503 with {@code Retry-After} stops
 * every node's requests that long: {@link PoliteRefresh}), renders it with PDFBox ({@link FirstPage}) into {@code DIR/thumbnails}, and records
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
    private final PoliteRefresh polite;

    /** {@code featured} lists the papers that should have a thumbnail (recently featured ones). */
    public ThumbnailWorker(Database db, Supplier<List<Paper>> featured, ThumbnailSettings settings, Clock clock) {
        this.db = db;
        this.featured = featured;
        this.settings = settings;
        this.clock = clock;
        this.polite = new PoliteRefresh(db, "arxiv", settings.interval(), clock);
    }

    /** Where the PNG of {@code paperId} is (or will be) stored under {@code dir}. */
    public static Path file(Path dir, String paperId) {
        return dir.resolve(paperId.replace('/', '_') + ".png");
    }

    /** One round over the featured papers that need a thumbnail; returns how many PNGs it stored. */
    public int renderPending() throws InterruptedException {
        List<Paper> papers = featured.get().stream().filter(Paper::isArxiv).toList();
        Map<String, ThumbnailRepository.State> states = db.withHandle(
                h -> repository.listFor(h, papers.stream().map(Paper::id).toList()));
        // A paper is taken unless settled or another node is on it.
        return polite.round(
                papers,
                p -> !settled(states.get(p.id()))
                        && db.inTransaction(h -> repository.claim(h, p.id(), states.get(p.id()), clock.instant())),
                p -> render(
                        p, states.get(p.id()) == null ? 0 : states.get(p.id()).attempts()));
    }

    private boolean settled(ThumbnailRepository.State state) {
        if (state == null) {
            return false;
        }
        return switch (state.status()) {
            case RETRY -> state.attempts() >= settings.maxAttempts();
            case CLAIMED ->
                clock.instant()
                                .isBefore(java.time.Instant.parse(state.updatedAt())
                                        .plus(LEASE))
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
        } catch (PoliteRefresh.Paused e) {
            // arXiv asked (through any node) to wait: not an attempt, the paper waits its turn.
            record(p, RETRY, attemptsBefore, "arXiv asked to wait until " + e.until(), null);
            return false;
        }
        try {
            byte[] png = FirstPage.png(pdf);
            Files.createDirectories(settings.dir());
            Path target = file(settings.dir(), p.id());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, png);
            Files.move(
                    partial,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            record(p, DONE, attempts, null, png);
            return true;
        } catch (IOException | RuntimeException e) {
            // Not a PDF PDFBox can read (or an empty one): fetching again would give the same bytes.
            record(p, FAILED, attempts, "cannot render the PDF: " + e.getMessage(), null);
            return false;
        }
    }

    private byte[] fetch(Paper p) throws IOException, PoliteRefresh.Paused, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.pdfBase().resolve(p.id()))
                .header("User-Agent", settings.userAgent())
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        HttpResponse<byte[]> response = polite.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        java.util.Optional<Long> retryAfter =
                response.headers().firstValue("retry-after").flatMap(ThumbnailWorker::seconds);
        if ((status == 429 || status == 503) && retryAfter.isPresent()) {
            // arXiv's "slow down" names how long (seconds): no node asks before then, and it costs no attempt.
            java.time.Instant until = clock.instant().plusSeconds(Math.max(1, retryAfter.get()));
            polite.pause(until, "GET " + request.uri() + " answered " + status);
            throw new PoliteRefresh.Paused("arxiv", until);
        }
        if (status != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static java.util.Optional<Long> seconds(String raw) {
        try {
            return java.util.Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
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
        polite.start(
                "thumbnail-worker",
                interval,
                this::renderPending,
                e -> LOG.warn("thumbnails: a round failed; the next one goes on from the stored state", e));
    }

    @Override
    public void close() {
        polite.close();
    }
}
