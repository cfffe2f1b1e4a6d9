package io.paperboy.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.paperboy.db.Database;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker end to end: real PDFs over a local HTTP server, a real SQLite store, PNGs on disk. */
final class ThumbnailWorkerTest {
    @TempDir
    Path dir;

    private HttpServer pdfs;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Long> requestNanos = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private Map<String, byte[]> files;
    /** Answered 503 with Retry-After (seconds), as arXiv slows a client down. */
    private final Map<String, Integer> slowDown = new java.util.concurrent.ConcurrentHashMap<>();

    private Database db;

    @BeforeEach
    void start() throws Exception {
        files = Map.of(
                "2401.00001",
                pdf("A real first page"),
                "2401.00002",
                pdf("Another first page"),
                "2401.00003",
                "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));
        pdfs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pdfs.createContext("/pdf/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/pdf/".length());
            requests.add(id);
            requestNanos.add(System.nanoTime());
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            Integer retryAfter = slowDown.get(id);
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = files.get(id);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        pdfs.start();
        db = TestStore.SQLITE.open(dir);
        PaperService papers = new PaperService(db);
        db.useTransaction(h -> papers.store(
                h,
                List.of(
                        Paper.builder("2401.00001", "One").build(),
                        Paper.builder("2401.00002", "Two").build(),
                        Paper.builder("2401.00003", "Three").build(),
                        Paper.builder("2401.00004", "Four").build())));
    }

    @AfterEach
    void stop() {
        pdfs.stop(0);
        db.close();
    }

    private ThumbnailWorker worker(Duration interval) {
        PaperService papers = new PaperService(db);
        ThumbnailSettings settings = new ThumbnailSettings(
                URI.create("http://127.0.0.1:" + pdfs.getAddress().getPort() + "/pdf/"),
                interval,
                "ops@example.org",
                2,
                dir.resolve("thumbnails"));
        return new ThumbnailWorker(
                db,
                () -> List.copyOf(papers.findAll(List.of("2401.00001", "2401.00002", "2401.00003", "2401.00004"))
                                .values())
                        .stream()
                        .sorted(java.util.Comparator.comparing(Paper::id))
                        .toList(),
                settings,
                Clock.systemUTC());
    }

    /** A real one-page PDF (PDFBox) saying {@code text}. */
    static byte[] pdf(String text) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void realPdfs_becomePngsOfTheirFirstPage_politely_andABadPdfKeepsItsCover() throws Exception {
        int stored = worker(Duration.ofMillis(400)).renderPending();

        assertThat(stored).isEqualTo(2);
        var png = ImageIO.read(
                ThumbnailWorker.file(dir.resolve("thumbnails"), "2401.00001").toFile());
        assertThat(png.getWidth()).isEqualTo(340); // US letter at 40 dpi
        assertThat(Files.exists(ThumbnailWorker.file(dir.resolve("thumbnails"), "2401.00003")))
                .isFalse();
        // Politeness: every request names the contact, and none arrives within the interval after the one before.
        assertThat(userAgents).allSatisfy(ua -> assertThat(ua).contains("mailto:ops@example.org"));
        for (int i = 1; i < requestNanos.size(); i++) {
            assertThat(requestNanos.get(i) - requestNanos.get(i - 1))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
        }
    }

    @Test
    void aRestartedWorker_fetchesNothingSettled_andRetriesAMissingPdfUpToItsLimit() throws Exception {
        worker(Duration.ZERO).renderPending();
        assertThat(requests).containsExactly("2401.00001", "2401.00002", "2401.00003", "2401.00004");
        requests.clear();

        // As after kill -9: a new worker reads what the store says was done.
        worker(Duration.ZERO).renderPending();
        assertThat(requests).containsExactly("2401.00004"); // the 404 is tried again; the bad PDF is not
        requests.clear();
        worker(Duration.ZERO).renderPending();
        assertThat(requests).isEmpty(); // two attempts were the limit
    }

    @Test
    void twoNodesOnOneStore_fetchEachPdfOnce_andBothServeThePng() throws Exception {
        ThumbnailWorker one = worker(Duration.ofMillis(100));
        ThumbnailWorker two = worker(Duration.ofMillis(100));

        Thread other = Thread.ofPlatform().start(() -> {
            try {
                two.renderPending();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        one.renderPending();
        other.join();

        assertThat(requests).hasSize(4).doesNotHaveDuplicates();
        // A node whose own folder lacks the PNG serves the one kept in the store.
        assertThat(ThumbnailWorker.stored(db, "2401.00002"))
                .hasValueSatisfying(png ->
                        assertThat(java.util.Arrays.copyOf(png, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    }

    @Test
    void aClaimLeftByANodeThatDied_isTakenOverAfterItsLease() throws Exception {
        db.useTransaction(h -> new ThumbnailRepository()
                .claim(
                        h,
                        "2401.00001",
                        null,
                        Clock.systemUTC().instant().minus(ThumbnailWorker.LEASE).minusSeconds(1)));
        db.useTransaction(h -> new ThumbnailRepository()
                .claim(h, "2401.00002", null, Clock.systemUTC().instant()));

        worker(Duration.ZERO).renderPending();

        assertThat(requests).contains("2401.00001").doesNotContain("2401.00002");
    }

    @Test
    void a503WithRetryAfter_stopsEveryNodesRequestsThatLong_withoutSpendingAnAttempt() throws Exception {
        slowDown.put("2401.00002", 600);

        worker(Duration.ZERO).renderPending();
        assertThat(requests).containsExactly("2401.00001", "2401.00002");

        // Another node (or this one restarted) asks nothing while arXiv's pause holds.
        worker(Duration.ZERO).renderPending();
        assertThat(requests).hasSize(2);
        ThumbnailRepository.State slowed = db.withHandle(
                        h -> new ThumbnailRepository().listFor(h, List.of("2401.00002")))
                .get("2401.00002");
        assertThat(slowed.status()).isEqualTo(ThumbnailWorker.RETRY);
        assertThat(slowed.attempts()).isZero();
    }
}
