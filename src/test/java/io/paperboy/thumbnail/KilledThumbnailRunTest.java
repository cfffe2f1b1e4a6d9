package io.paperboy.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.paperboy.db.Database;
import io.paperboy.db.Timestamps;
import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.ChildJvm;
import io.paperboy.testing.Poll;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code paperboy serve --thumbnails} JVM renders featured papers from real PDFs on a local
 * server, is killed with SIGKILL while a PDF is halfway down the wire, and is started again: every
 * featured paper ends with one thumbnail, only the PDF the kill cut short is fetched twice, requests
 * stay an interval apart across the restart, and what the node serves is always a whole PNG.
 */
final class KilledThumbnailRunTest {
    private static final int PAPERS = 6;
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private HttpServer pdfs;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Long> requestNanos = new CopyOnWriteArrayList<>();
    /** The third request gets half its PDF and then nothing, until the test lets go (after the kill). */
    private final CountDownLatch letGo = new CountDownLatch(1);

    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void servePdfs() throws Exception {
        for (int i = 1; i <= PAPERS; i++) {
            files.put(id(i), ThumbnailWorkerTest.pdf("First page of paper " + i));
        }
        pdfs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pdfs.setExecutor(handlers);
        pdfs.createContext("/pdf/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/pdf/".length());
            requestNanos.add(System.nanoTime());
            requests.add(id);
            byte[] body = files.get(id);
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (requests.size() == 3) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    letGo.await(3, TimeUnit.MINUTES);
                    return; // the client is gone by now
                }
                out.write(body);
            } catch (InterruptedException | IOException e) {
                // the killed child closed the connection
            } finally {
                exchange.close();
            }
        });
        pdfs.start();
    }

    @AfterEach
    void stop() throws Exception {
        letGo.countDown();
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor();
        }
        pdfs.stop(0);
        handlers.shutdownNow();
    }

    private static String id(int i) {
        return "2401.0000" + i;
    }

    @Test
    void killedWhileFetchingAPdf_theRestartedNodeRendersTheRest_fetchingOnlyTheCutPdfAgain_andServesOnlyWholePngs()
            throws Exception {
        Path thumbnails = dir.resolve("thumbnails");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("paperboy.db")))) {
            featureToday(db);

            Process first = serve(port);
            ChildJvm.killOnceCommitted(
                    first,
                    "fetching the third PDF",
                    () -> requests.size() >= 3
                            && statuses(db).values().stream()
                                            .filter("done"::equals)
                                            .count()
                                    == 2);
            letGo.countDown();

            // At the kill: two pages rendered and kept, the third claimed and nothing of it written.
            Map<String, String> atKill = statuses(db);
            String cut = requests.get(2);
            assertThat(atKill.values().stream().filter("done"::equals).count()).isEqualTo(2);
            assertThat(atKill).containsEntry(cut, ThumbnailWorker.CLAIMED);
            assertThat(ThumbnailWorker.file(thumbnails, cut)).doesNotExist();
            assertWholePngs(db, thumbnails);

            // Ten minutes later, as far as the store can tell: the dead node's claim has lapsed.
            db.useTransaction(h -> h.createUpdate(
                            "UPDATE thumbnails SET updated_at = :long_ago WHERE status = :claimed")
                    .bind(
                            "long_ago",
                            Timestamps.stamp(
                                    Instant.now().minus(ThumbnailWorker.LEASE).minusSeconds(60)))
                    .bind("claimed", ThumbnailWorker.CLAIMED)
                    .execute());

            Process second = serve(port);
            Poll.until(
                    Duration.ofMinutes(3),
                    () -> !second.isAlive()
                            || statuses(db).values().stream()
                                            .filter("done"::equals)
                                            .count()
                                    == PAPERS,
                    done -> done);
            assertThat(second.isAlive())
                    .as("the restarted node is still serving")
                    .isTrue();

            assertThat(statuses(db))
                    .hasSize(PAPERS)
                    .allSatisfy((id, status) -> assertThat(status).isEqualTo("done"));
            Map<String, Long> fetched = new java.util.TreeMap<>();
            requests.forEach(id -> fetched.merge(id, 1L, Long::sum));
            Map<String, Long> expected = new java.util.TreeMap<>();
            for (int i = 1; i <= PAPERS; i++) {
                expected.put(id(i), id(i).equals(cut) ? 2L : 1L);
            }
            assertThat(fetched)
                    .as("each PDF fetched once; the one the kill cut short, once more")
                    .isEqualTo(expected);
            for (int i = 1; i < requestNanos.size(); i++) {
                assertThat(requestNanos.get(i) - requestNanos.get(i - 1))
                        .as("request %d an interval after the one before", i)
                        .isGreaterThanOrEqualTo(INTERVAL.toNanos());
            }
            assertWholePngs(db, thumbnails);
            assertServedAsPngs(port, thumbnails);
        }
    }

    private Process serve(int port) throws Exception {
        Process child = ChildJvm.paperboy(
                dir.resolve("serve.log"),
                "serve",
                "--data",
                dir.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--no-embeddings",
                "--thumbnails",
                "--contact",
                "ops@example.org",
                "--thumbnails-pdf-url",
                "http://127.0.0.1:" + pdfs.getAddress().getPort() + "/pdf/",
                "--thumbnails-interval",
                String.valueOf(INTERVAL.toSeconds()));
        children.add(child);
        return child;
    }

    private static void featureToday(Database db) {
        PaperService papers = new PaperService(db);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Paper> featured = new ArrayList<>();
        List<ListingEntry> entries = new ArrayList<>();
        for (int i = 1; i <= PAPERS; i++) {
            featured.add(Paper.builder(id(i), "Paper " + i)
                    .authors(List.of("Ada Lovelace"))
                    .build());
            entries.add(new ListingEntry(id(i), today, null, i, "seed", 0, null));
        }
        db.useTransaction(h -> {
            papers.store(h, featured);
            new ListingService(db, papers).store(h, entries);
        });
    }

    private static Map<String, String> statuses(Database db) {
        return db.withHandle(h -> h.createQuery("SELECT paper_id, status FROM thumbnails")
                .map((rs, ctx) -> Map.entry(rs.getString("paper_id"), rs.getString("status")))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // Every PNG in the folder is whole (it decodes) and is the one the store kept for a rendered paper.
    private static void assertWholePngs(Database db, Path thumbnails) throws Exception {
        if (!Files.isDirectory(thumbnails)) {
            return;
        }
        List<Path> pngs;
        try (Stream<Path> listed = Files.list(thumbnails)) {
            pngs = listed.filter(p -> p.getFileName().toString().endsWith(".png"))
                    .toList();
        }
        for (Path png : pngs) {
            byte[] bytes = Files.readAllBytes(png);
            assertThat(ImageIO.read(new ByteArrayInputStream(bytes)))
                    .as(png + " decodes")
                    .isNotNull();
            String id = png.getFileName().toString().replace(".png", "");
            java.util.Optional<byte[]> kept = db.withHandle(h -> new ThumbnailRepository().png(h, id));
            assertThat(kept)
                    .as(id + " kept in the store")
                    .hasValueSatisfying(k -> assertThat(k).isEqualTo(bytes));
        }
    }

    private static void assertServedAsPngs(int port, Path thumbnails) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= PAPERS; i++) {
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/thumbnails/" + id(i)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
            assertThat(ImageIO.read(new ByteArrayInputStream(answer.body())))
                    .as(id(i) + " served whole")
                    .isNotNull();
            assertThat(answer.body()).isEqualTo(Files.readAllBytes(ThumbnailWorker.file(thumbnails, id(i))));
        }
    }
}
