package io.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.Poll;
import io.paperboy.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached pages are exact: a write to the store shows on the next request after the watcher sees it. */
final class PageCacheTest {
    @TempDir
    Path dir;

    @Test
    void aNewlyFeaturedPaper_appearsOnTheCachedPage() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            String before = server.get("/papers/date/2030-01-01").body();
            assertThat(server.get("/papers/date/2030-01-01").body()).isEqualTo(before);
            assertThat(before).contains("No papers were featured on this day.");

            server.db().useTransaction(h -> {
                new PaperService(server.db()).store(h, List.of(Paper.builder("2401.00001", "A paper from the future").build()));
                new ListingService(server.db()).store(h, List.of(
                        new ListingEntry("2401.00001", LocalDate.of(2030, 1, 1), "tester", 3, "test")));
            });

            String after = Poll.until(Duration.ofSeconds(2), () -> server.get("/papers/date/2030-01-01").body(),
                    page -> !page.equals(before));
            assertThat(after).contains("A paper from the future").doesNotContain("No papers were featured");
        }
    }

    @Test
    void cacheHits_areStillCountedInMetrics() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            for (int i = 0; i < 3; i++) {
                server.get("/papers/trending");
            }
            String metrics = Poll.until(Duration.ofSeconds(1), () -> server.metrics().body(),
                    m -> m.contains("route=\"/papers/trending\",status=\"200\"} 3"));

            assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/papers/trending\",status=\"200\"} 3");
        }
    }
}
