package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.ServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listing pages through a real server. */
final class ListingPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void dailyPage_ranksPapersByUpvotes() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers/date/2026-06-12");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<h1>Friday, June 12, 2026</h1>");
        // 2606.13681 has 118 upvotes, the most that day, so it is the first card.
        assertThat(body.indexOf("/papers/2606.13681"))
                .isPositive()
                .isLessThan(body.indexOf("class=\"paper-card\" id=\"paper-2\""));
        assertThat(body).contains("rel=\"next\"");
    }

    @Test
    void pageAfterTheLast_isEmpty_andLinksBackToTheFirst_whileABadPageIsRefused() throws Exception {
        // The day has 30 papers: one page of 50. Page 1 (from 0) has none and links back to page 0.
        HttpResponse<String> after = SERVER.server().get("/papers/date/2026-06-12?cat=cs&p=1");
        HttpResponse<String> bad = SERVER.server().get("/papers/date/2026-06-12?p=-1");

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body())
                .contains("No papers were featured on this day.")
                .contains("rel=\"prev\" href=\"/papers/date/2026-06-12?cat=cs\">← More upvoted</a>")
                .doesNotContain("Less upvoted");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("p must be between 0 and 10000, not -1");
    }

    @Test
    void home_showsTheLatestDayWithPapers() throws Exception {
        assertThat(SERVER.server().get("/").body()).contains("<h1>Sunday, November 29, 2026</h1>");
    }

    @Test
    void emptyDay_saysSo() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers/date/2001-01-01");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No papers were featured on this day.");
    }

    @Test
    void weekAndMonth_collectTheirDays() throws Exception {
        assertThat(SERVER.server().get("/papers/week/2026-W24").body())
                .contains("Week 24 of 2026")
                .contains("/papers/2606.13681");
        assertThat(SERVER.server().get("/papers/month/2026-06").body())
                .contains("June 2026")
                .contains("/papers/2606.13681");
    }

    // The samples' last three days with papers: 2025-07-01 (2025-W27), 2026-06-12 (W24), 2026-11-29 (W48).
    @Test
    void weekPager_stepsOverEmptyWeeks_andStopsAtTheLastWithPapers() throws Exception {
        String june = SERVER.server().get("/papers/week/2026-W24").body();
        String between = SERVER.server().get("/papers/week/2026-W30").body();
        String november = SERVER.server().get("/papers/week/2026-W48").body();

        assertThat(june)
                .contains("rel=\"prev\" href=\"/papers/week/2025-W27\"")
                .contains("rel=\"next\" href=\"/papers/week/2026-W48\"");
        assertThat(between)
                .contains("rel=\"prev\" href=\"/papers/week/2026-W24\"")
                .contains("rel=\"next\" href=\"/papers/week/2026-W48\"");
        assertThat(november)
                .contains("rel=\"prev\" href=\"/papers/week/2026-W24\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void monthPager_stepsOverEmptyMonths_andStopsAtTheLastWithPapers() throws Exception {
        String june = SERVER.server().get("/papers/month/2026-06").body();
        String november = SERVER.server().get("/papers/month/2026-11").body();

        assertThat(june)
                .contains("rel=\"prev\" href=\"/papers/month/2025-07\"")
                .contains("rel=\"next\" href=\"/papers/month/2026-11\"");
        assertThat(november)
                .contains("rel=\"prev\" href=\"/papers/month/2026-06\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void dayPager_hasNoNextAfterTheLastDayWithPapers() throws Exception {
        String last = SERVER.server().get("/papers/date/2026-11-29").body();
        String future = SERVER.server().get("/papers/date/2027-01-01").body();

        assertThat(last)
                .contains("rel=\"prev\" href=\"/papers/date/2026-06-12\"")
                .doesNotContain("rel=\"next\"");
        assertThat(future)
                .contains("rel=\"prev\" href=\"/papers/date/2026-11-29\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void calendar_linksTheDaysWithPapers_andMarksTheDayOnShow() throws Exception {
        String page = SERVER.server().get("/papers/date/2026-06-12?code=1").body();
        String calendar = page.substring(page.indexOf("<details class=\"calendar\""), page.indexOf("</details>"));

        assertThat(calendar)
                .contains("<a href=\"/papers/month/2026-06?code=1\">June 2026</a>")
                .containsPattern(
                        "<a href=\"/papers/date/2026-06-12\\?code=1\" title=\"Friday, June 12: \\d+ papers\"[^>]*"
                                + "aria-current=\"date\">12</a>")
                .contains("<span title=\"Thursday, June 11: no papers\">11</span>")
                .contains("class=\"cal-prev\" rel=\"nofollow\" href=\"/papers/month/2025-07?code=1\"")
                .contains("class=\"cal-next\" rel=\"nofollow\" href=\"/papers/month/2026-11?code=1\"");
        // Folded on a day page; the month page opens it.
        assertThat(page).doesNotContain("<details class=\"calendar\" open");
        assertThat(SERVER.server().get("/papers/month/2026-11").body()).contains("<details class=\"calendar\" open");
    }

    @Test
    void weekWithoutKey_redirectsToTheLatestWeek() throws Exception {
        HttpResponse<String> response = SERVER.server().get("/papers/week?code=1");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("/papers/week/2026-W48?code=1");
    }

    @Test
    void hasCodeFilter_keepsOnlyPapersWithCode_andTravelsInLinksAndFeeds() throws Exception {
        String all = SERVER.server().get("/papers/date/2026-06-12").body();
        String withCode = SERVER.server().get("/papers/date/2026-06-12?code=1").body();

        // 16 entries name a githubRepo; 2606.12488 has its repository only in the abstract.
        assertThat(count(withCode, "class=\"paper-card\""))
                .isEqualTo(17)
                .isLessThan(count(all, "class=\"paper-card\""));
        assertThat(withCode).doesNotContain("/papers/2606.00467\"");
        assertThat(withCode).contains("rel=\"next\" href=\"/papers/date/").contains("?code=1\"");
        assertThat(withCode).contains("/feeds/daily.atom?date=2026-06-12&amp;code=1");
    }

    @Test
    void trending_listsRecentPapers() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers/trending");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(count(page.body(), "class=\"paper-card\"")).isEqualTo(ListingService.TRENDING_SIZE);
    }

    @Test
    void malformedDate_is400WithThePageSayingWhy() throws Exception {
        HttpResponse<String> page = SERVER.server().get("/papers/date/2024-13-45");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("&#39;2024-13-45&#39; is not a real date");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
