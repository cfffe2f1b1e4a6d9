package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperService;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A curator features a paper again for a new arXiv version, linked to the earlier entry and logged; members cannot. */
final class FeatureAgainTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static TestServer server() {
        return SERVER.server();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static WebSession curator(String name) throws Exception {
        WebSession session = server().browser().signUpConfirmed(name);
        server().promote(name, Role.CURATOR);
        session.get("/submit");
        return session;
    }

    /** Features {@code id} on {@code day} as an import would, saying nothing of the version. */
    private static void featuredBefore(String id, LocalDate day, int version) {
        server().db()
                .useTransaction(h -> new ListingService(server().db())
                        .store(h, List.of(new ListingEntry(id, day, "hf-user", 3, "hf", version, null))));
    }

    @Test
    void curator_featuresV2Again_today_linkedToTheV1Entry_andLogged() throws Exception {
        // The snapshot sample has 0704.0001 at v2 (v1 of 2007-04-02, v2 of 2007-07-24); it was featured in between.
        featuredBefore("0704.0001", LocalDate.of(2007, 5, 1), 0);
        WebSession cora = curator("cora");

        assertThat(cora.get("/papers/0704.0001").body()).contains("action=\"/submit/again\"");
        HttpResponse<String> offered = cora.post("/submit", Map.of("arxiv", "0704.0001"));
        assertThat(offered.statusCode()).isEqualTo(409);
        assertThat(offered.body()).contains("already featured: on 2007-05-01").contains("action=\"/submit/again\"");

        HttpResponse<String> again = cora.post("/submit/again", Map.of("arxiv", "0704.0001"));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(new ListingService(server().db()).forPaper("0704.0001"))
                .contains(new ListingEntry(
                        "0704.0001", today(), "cora", 0, ListingEntry.SUBMISSION, 2, LocalDate.of(2007, 5, 1)));
        assertThat(cora.get("/papers/date/" + today()).body())
                .contains(
                        "New version v2; an earlier version was featured on <a href=\"/papers/date/2007-05-01\">2007-05-01</a>");
        assertThat(moderationLog("0704.0001@" + today()))
                .containsExactly("cora feature-again listing: v2; v1 was featured on 2007-05-01");
    }

    @Test
    void featuringAgainTheSameDay_isAlreadyFeatured() throws Exception {
        featuredBefore("0704.0008", LocalDate.of(2007, 5, 1), 0);
        WebSession dan = curator("dan");
        assertThat(dan.get("/papers/0704.0008").body()).contains("action=\"/submit/again\"");
        assertThat(dan.post("/submit/again", Map.of("arxiv", "0704.0008")).statusCode())
                .isEqualTo(303);
        // Featured today: the service would refuse another, so the page no longer offers it.
        assertThat(dan.get("/papers/0704.0008").body()).doesNotContain("action=\"/submit/again\"");

        HttpResponse<String> twice = dan.post("/submit/again", Map.of("arxiv", "0704.0008"));

        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("0704.0008 is already featured: on " + today() + ", submitted by dan");
    }

    @Test
    void member_featuringAgain_is403AndNothingChanges() throws Exception {
        featuredBefore("0704.0013", LocalDate.of(2007, 5, 1), 0);
        WebSession max = server().browser().signUpConfirmed("max");
        max.get("/submit");

        HttpResponse<String> page = max.post("/submit", Map.of("arxiv", "0704.0013"));
        HttpResponse<String> forced = max.post("/submit/again", Map.of("arxiv", "0704.0013"));
        HttpResponse<String> api = SubmitPagesTest.api(
                server(), max.createApiToken("script"), "{\"arxiv\": \"0704.0013\", \"again\": true}");

        assertThat(page.body()).doesNotContain("action=\"/submit/again\"");
        assertThat(max.get("/papers/0704.0013").body()).doesNotContain("action=\"/submit/again\"");
        assertThat(forced.statusCode()).isEqualTo(403);
        assertThat(forced.body()).contains("this needs the curator role");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(new ListingService(server().db()).forPaper("0704.0013")).hasSize(1);
    }

    @Test
    void noVersionNewerOnArxiv_isRefusedSayingWhichVersionsAreKnown() throws Exception {
        server().db()
                .useTransaction(h -> new PaperService(server().db())
                        .store(
                                h,
                                List.of(Paper.builder("2606.13568", "Adjusted Cup-Product Neural Layer")
                                        .version(1)
                                        .build())));
        featuredBefore("2606.13568", LocalDate.of(2026, 6, 12), 1);
        WebSession eve = curator("eve");

        HttpResponse<String> answer = eve.post("/submit/again", Map.of("arxiv", "2606.13568"));

        // The store has only v1, so arXiv is asked; its recorded answer is v1 too.
        assertThat(server().arxiv().asked()).contains("2606.13568");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body())
                .contains("2606.13568 has no version newer than the one featured on 2026-06-12 "
                        + "(v1; arXiv's latest is v1)");
        assertThat(new ListingService(server().db()).forPaper("2606.13568")).hasSize(1);
    }

    @Test
    void curator_featuresAgainThroughTheApi() throws Exception {
        featuredBefore("0704.0011", LocalDate.of(2007, 5, 1), 1);
        server().db()
                .useTransaction(h -> new PaperService(server().db())
                        .store(
                                h,
                                List.of(Paper.builder("0704.0011", "A new version")
                                        .version(4)
                                        .build())));
        String token = curator("gil").createApiToken("script");

        HttpResponse<String> answer =
                SubmitPagesTest.api(server(), token, "{\"arxiv\": \"0704.0011\", \"again\": true}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body())
                .contains("\"version\":4")
                .contains("\"earlierDate\":\"2007-05-01\"")
                .contains("\"submittedBy\":\"gil\"");
        assertThat(moderationLog("0704.0011@" + today()))
                .containsExactly("gil feature-again listing: v4; v1 was featured on 2007-05-01");
    }

    @Test
    void neverFeatured_isSubmittedInstead() throws Exception {
        HttpResponse<String> answer = curator("fay").post("/submit/again", Map.of("arxiv", "0704.0010"));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("0704.0010 has not been featured yet, so there is nothing to feature again");
    }

    private static List<String> moderationLog(String target) {
        return server().db()
                .withHandle(h -> h.createQuery("SELECT actor_name || ' ' || action || ' ' || target_kind "
                                + "|| ': ' || detail FROM moderation_log WHERE target_id = :target")
                        .bind("target", target)
                        .mapTo(String.class)
                        .list());
    }
}
