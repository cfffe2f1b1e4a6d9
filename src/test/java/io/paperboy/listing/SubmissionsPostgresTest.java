package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.TestStore;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submissions and feature-again on PostgreSQL: the same SQL, the same answers as on SQLite. */
final class SubmissionsPostgresTest {
    @TempDir
    static Path dir;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(dir, TestStore.POSTGRESQL);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void unknownPaper_isFetchedAndFeatured_thenAlreadyFeatured() throws Exception {
        WebSession ada = server.browser().signUpConfirmed("ada");
        ada.get("/submit");

        assertThat(ada.post("/submit", Map.of("arxiv", "https://export.arxiv.org/abs/1601.00001"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(ada.post("/submit", Map.of("arxiv", "1601.00001v1")).statusCode())
                .isEqualTo(409);

        assertThat(new ListingService(server.db()).forPaper("1601.00001"))
                .containsExactly(new ListingEntry("1601.00001", today(), "ada", 0, ListingEntry.SUBMISSION, 1, null));
        assertThat(new PaperService(server.db()).find("1601.00001"))
                .get()
                .satisfies(p -> assertThat(p.title()).startsWith("Inelastic effects in molecular transport junctions"));
    }

    @Test
    void curator_featuresV2Again_linkedToTheV1Entry_andLogged() throws Exception {
        PaperService papers = new PaperService(server.db());
        LocalDate earlier = LocalDate.of(2026, 6, 12);
        server.db().useTransaction(h -> {
            papers.store(
                    h, List.of(Paper.builder("2606.13501", "GF-DiT").version(1).build()));
            new ListingService(server.db())
                    .store(
                            h,
                            List.of(new ListingEntry(
                                    "2606.13501", earlier, "bo", 4, ListingEntry.SUBMISSION, 1, null)));
        });
        // Later an import learns of v2.
        server.db()
                .useTransaction(h -> papers.store(
                        h,
                        List.of(Paper.builder("2606.13501", "GF-DiT").version(2).build())));
        WebSession cora = server.browser().signUpConfirmed("cora");
        server.promote("cora", Role.CURATOR);
        cora.get("/submit");

        assertThat(cora.post("/submit/again", Map.of("arxiv", "2606.13501")).statusCode())
                .isEqualTo(303);

        assertThat(new ListingService(server.db()).forPaper("2606.13501"))
                .last()
                .isEqualTo(new ListingEntry("2606.13501", today(), "cora", 0, ListingEntry.SUBMISSION, 2, earlier));
        assertThat(server.arxiv().asked()).doesNotContain("2606.13501");
        String logged = server.db()
                .withHandle(h -> h.createQuery("SELECT detail FROM moderation_log "
                                + "WHERE action = 'feature-again' AND target_id = :target")
                        .bind("target", "2606.13501@" + today())
                        .mapTo(String.class)
                        .one());
        assertThat(logged).isEqualTo("v2; v1 was featured on 2026-06-12");
    }
}
