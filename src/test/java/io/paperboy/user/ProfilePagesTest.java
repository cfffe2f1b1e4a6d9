package io.paperboy.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.listing.ListingEntry;
import io.paperboy.listing.ListingService;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /u/{name}}: who a member is and what they claimed, submitted and upvoted. */
final class ProfilePagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    static final String SCRIPT = "<script>alert(1)</script>"; // with IMG: 56 characters, under the 60 allowed
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    private static TestServer server() {
        return SERVER.server();
    }

    @Test
    void aProfile_showsTheMember_theirClaimedPapers_andTheirSubmissions() throws Exception {
        WebSession tsui = server().browser().signUpConfirmed("tsui");
        tsui.get("/papers/2606.07867");
        tsui.post("/claims", Map.of("paper", "2606.07867", "author", "Tsui-Wei Weng"));
        approveEveryPendingClaim();
        submit("tsui", "2606.12730", LocalDate.of(2026, 6, 13));
        submit("tsui", "0704.0001", LocalDate.of(2026, 6, 14));

        HttpResponse<String> profile = server().get("/u/tsui");

        assertThat(profile.statusCode()).isEqualTo(200);
        String body = profile.body();
        assertThat(body)
                .contains("<h1>Member tsui</h1>")
                .contains("member since " + LocalDate.now(java.time.ZoneOffset.UTC));
        String claimed = section(body, "p-claimed");
        assertThat(claimed).contains("The Cold-Start Safety Gap in LLM Agents").contains("as Tsui-Wei Weng");
        String submitted = section(body, "p-submitted");
        // Newest submission first.
        assertThat(submitted.indexOf("/papers/0704.0001"))
                .isPositive()
                .isLessThan(submitted.indexOf("/papers/2606.12730"));
        assertThat(section(body, "p-upvoted")).contains("No upvotes yet.");
    }

    @Test
    void aHiddenPaper_leavesTheProfileToo() throws Exception {
        server().browser().signUpConfirmed("hider-target");
        submit("hider-target", "2606.13594", LocalDate.of(2026, 6, 15));
        assertThat(server().get("/u/hider-target").body()).contains("/papers/2606.13594");
        WebSession curator = server().browser().signUpConfirmed("profile-curator");
        server().promote("profile-curator", Role.CURATOR);
        curator.get("/moderation/papers/2606.13594");

        curator.post("/moderation/papers/hide", Map.of("paper", "2606.13594"));

        assertThat(server().get("/u/hider-target").body())
                .doesNotContain("/papers/2606.13594")
                .contains("No submissions yet.");
    }

    @Test
    void anUnknownName_isNotFound() throws Exception {
        HttpResponse<String> response = server().get("/u/nobody-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no member called nobody-here");
    }

    @Test
    void aDisplayNameWithMarkup_isShownAsText_onTheProfileAndInTheHeader() throws Exception {
        WebSession xss = server().browser().signUpConfirmed("xss-name");
        assertThat(xss.post("/settings/profile", Map.of("display_name", SCRIPT + IMG))
                        .statusCode())
                .isEqualTo(303);

        String own = xss.get("/u/xss-name").body();
        String anonymous = server().get("/u/xss-name").body();

        for (String body : List.of(own, anonymous)) {
            assertThat(body)
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x")
                    .contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(1)&gt;</h1>")
                    // In an attribute the quote is escaped too, so it cannot close the attribute.
                    .contains(
                            "content=\"Papers by, submitted and upvoted by &lt;script>alert(1)&lt;/script>&#34;>&lt;img src=x");
        }
        // The header's link to the member's own profile carries the display name too.
        assertThat(own).contains("<a href=\"/u/xss-name\">&lt;script&gt;");
    }

    private static void submit(String member, String paperId, LocalDate day) {
        ListingService listings = new ListingService(server().db());
        server().db()
                .useTransaction(h -> listings.store(h, List.of(new ListingEntry(paperId, day, member, 0, "submit"))));
    }

    private static void approveEveryPendingClaim() {
        Claims claims = new Claims(
                server().db(), new io.paperboy.paper.PaperService(server().db()), java.time.Clock.systemUTC());
        claims.pending()
                .forEach(c -> server().db()
                        .inTransaction(h -> claims.decide(h, c.id(), true, ClaimsStoreTest.ANOTHER_MEMBER)));
    }

    /** The HTML of the profile section headed by the element with {@code id}. */
    private static String section(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        int end = body.indexOf("</section>", start);
        return body.substring(start, end);
    }
}
