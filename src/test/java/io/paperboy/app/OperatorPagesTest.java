package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.testing.Poll;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /admin/operations} through a real server: what admins see, who else is refused, and the same figures on /metrics. */
final class OperatorPagesTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static TestServer server() {
        return SERVER.server();
    }

    private static double gauge(String metrics, String line) {
        return metrics.lines()
                .filter(l -> l.startsWith(line + " "))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(line.length() + 1)))
                .orElseThrow(() -> new AssertionError("no " + line + " in /metrics"));
    }

    @Test
    void anAdmin_findsThePageInTheHeader_andSeesTheNodesJobsEmbeddingsAndOutbox() throws Exception {
        WebSession admin = server().browser().signUpConfirmed("opsadmin");
        server().promote("opsadmin", Role.ADMIN);

        assertThat(admin.get("/").body()).contains("<a href=\"/admin/operations\"");
        // Each node reports into the store as it starts, then every 10 s.
        String page = Poll.until(
                Duration.ofSeconds(15),
                () -> admin.get(OperatorPages.PATH).body(),
                body -> body.contains("Index behind the store"));

        assertThat(page)
                .contains(
                        "<h1>Operations</h1>",
                        "Version",
                        "Store</dt><dd>sqlite, ",
                        "Nodes seen in the last 5 minutes",
                        "0 papers, 0 embeddings",
                        "Scheduled jobs",
                        "<td>digest</td><td>hourly</td>",
                        "<td>harvest:arxiv</td><td>daily</td>",
                        "Embeddings",
                        "Pending</dt><dd>",
                        "Mail outbox",
                        "Oldest waiting</dt><dd>none");
        // Never kept by a shared cache: the site's policy for members' pages.
        assertThat(admin.get(OperatorPages.PATH).headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("private"));
    }

    @Test
    void aMember_isRefusedWith403_andAVisitorIsSentToLogIn_neitherGetsA500() throws Exception {
        WebSession member = server().browser().signUpConfirmed("opsmember");

        HttpResponse<String> asMember = member.get(OperatorPages.PATH);
        HttpResponse<String> asVisitor = server().get(OperatorPages.PATH);

        assertThat(asMember.statusCode()).isEqualTo(403);
        assertThat(asMember.body()).doesNotContain("Scheduled jobs");
        assertThat(member.get("/").body()).doesNotContain("/admin/operations");
        assertThat(asVisitor.statusCode()).isIn(302, 303, 401);
        assertThat(asVisitor.body()).doesNotContain("Scheduled jobs");
    }

    @Test
    void anAdmin_changesTheSiteSettings_andSeesThemStoredAndLogged() throws Exception {
        WebSession admin = server().browser().signUpConfirmed("opssettings");
        server().promote("opssettings", Role.ADMIN);
        assertThat(admin.get(OperatorPages.PATH).body())
                .contains(
                        "Site settings",
                        "none (no nightly harvest)",
                        "the default, never changed",
                        "action=\"/admin/operations/settings\"");

        HttpResponse<String> saved = admin.post(
                OperatorPages.SETTINGS_PATH,
                Map.of(
                        "harvest_sets",
                        "cs, math",
                        "harvest_hour",
                        "5",
                        "feature_rules",
                        "cat=cs.CL;keyword=retrieval|RAG",
                        "feature_as",
                        "lab-bot"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue(OperatorPages.PATH + "?done=saved#site-settings");
        String page = admin.get(OperatorPages.PATH + "?done=saved").body();
        assertThat(page)
                .contains(
                        "Site settings saved",
                        "cs, math",
                        "05:00 UTC",
                        "<code>cat=cs.CL;keyword=retrieval|RAG</code>",
                        "lab-bot",
                        "admin opssettings");
        assertThat(admin.get("/moderation/log").body()).contains("change-setting", "harvest_sets", "none → cs, math");
    }

    @Test
    void badSettings_areRefusedWith422_namingEachFieldAndWhy_andNothingIsStored() throws Exception {
        WebSession admin = server().browser().signUpConfirmed("opsbad");
        server().promote("opsbad", Role.ADMIN);
        admin.get(OperatorPages.PATH);

        HttpResponse<String> refused = admin.post(
                OperatorPages.SETTINGS_PATH,
                Map.of(
                        "harvest_sets",
                        "cs, ma<th",
                        "harvest_hour",
                        "24",
                        "feature_rules",
                        "cat=cs;keyword=(",
                        "feature_as",
                        "bot"));
        HttpResponse<String> noHour = admin.post(OperatorPages.SETTINGS_PATH, Map.of("harvest_hour", "three"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "id=\"e-harvest_sets\"",
                        "'ma&lt;th' is not an OAI-PMH set name",
                        "id=\"e-harvest_hour\"",
                        "from 0 to 23 (UTC), not '24'",
                        "id=\"e-feature_rules\"",
                        "is not a regular expression",
                        "value=\"cs, ma&lt;th\"");
        assertThat(refused.body()).doesNotContain("e-feature_as");
        assertThat(noHour.statusCode()).isEqualTo(422);
        assertThat(admin.get(OperatorPages.PATH).body()).doesNotContain("ma&lt;th");
    }

    @Test
    void aMember_cannotChangeTheSiteSettings() throws Exception {
        WebSession member = server().browser().signUpConfirmed("opsnotadmin");
        member.get("/");

        HttpResponse<String> refused = member.post(OperatorPages.SETTINGS_PATH, Map.of("harvest_sets", "physics"));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void metrics_carryTheVersionAndTheStoreSize() throws Exception {
        String metrics = server().metrics().body();

        assertThat(gauge(metrics, "paperboy_store_size_bytes")).isPositive();
        assertThat(metrics).contains("paperboy_build_info{version=\"development build\"} 1");
    }
}
