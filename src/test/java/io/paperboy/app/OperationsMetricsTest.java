package io.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperboy.testing.Poll;
import io.paperboy.testing.PrometheusText;
import io.paperboy.testing.ServerExtension;
import io.paperboy.testing.TestServer;
import io.paperboy.testing.WebSession;
import io.paperboy.web.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator page's figures on {@code /metrics}, read with a strict parser of Prometheus's text
 * format and compared, figure by figure, with the page for a known state: three mails pending and
 * one sent, the digest job's last run failed, a harvest set that failed.
 */
final class OperationsMetricsTest {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static final Instant FAILED_AT =
            Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant QUEUED_AT =
            Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
    private static final String ENDPOINT = "https://oai.example/oai";

    private static TestServer server() {
        return SERVER.server();
    }

    @BeforeAll
    static void knownState() {
        server().db().useTransaction(h -> {
            h.execute(
                    "INSERT INTO digest_subscriptions (id, email, frequency, send_hour, time_zone, status, created_at, "
                            + "updated_at, bounces) VALUES (7001, 'reader@example.org', 'daily', 7, 'UTC', 'active', ?, ?, 0)",
                    QUEUED_AT.toString(),
                    QUEUED_AT.toString());
            for (int day = 1; day <= 4; day++) {
                h.execute(
                        "INSERT INTO digest_outbox (subscription_id, period_key, status, attempts, next_attempt_at, created_at) "
                                + "VALUES (7001, ?, ?, 0, ?, ?)",
                        "daily:2026-11-0" + day,
                        day == 4 ? "sent" : "pending",
                        QUEUED_AT.toString(),
                        QUEUED_AT.plusSeconds(day).toString());
            }
            h.execute(
                    "INSERT INTO job_runs (job, run_key, node, claimed_at, finished_at, outcome) VALUES "
                            + "('digest', ?, 'node-x', ?, ?, 'failed: the relay refused the connection')",
                    FAILED_AT.toString(),
                    FAILED_AT.toString(),
                    FAILED_AT.plusSeconds(3).toString());
            h.execute(
                    "INSERT INTO harvest_state (endpoint, set_spec, records_done, last_success_at, last_error, updated_at) "
                            + "VALUES (?, 'math', 42, '2026-12-01T03:00:00Z', 'HTTP 503 from the endpoint', '2026-12-02T03:00:00Z')",
                    ENDPOINT);
        });
    }

    private static PrometheusText scrape() throws Exception {
        return PrometheusText.parse(server().metrics().body());
    }

    // Figures are read every 5 s; wait for a read after the known state was written.
    private static PrometheusText scrapeWithKnownState() throws Exception {
        return Poll.until(
                Duration.ofSeconds(30),
                OperationsMetricsTest::scrape,
                m -> m.has("paperboy_outbox_mails")
                        && m.value("paperboy_outbox_mails", "status", "pending") == 3
                        && m.value("paperboy_nodes_seen") >= 1);
    }

    @Test
    void everyFigureOnTheOperatorPage_isOnMetrics_withTheSameValue() throws Exception {
        WebSession admin = server().browser().signUpConfirmed("metricsadmin");
        server().promote("metricsadmin", Role.ADMIN);
        PrometheusText metrics = scrapeWithKnownState();
        String page = admin.get(OperatorPages.PATH).body();

        // Outbox: each status, and the oldest waiting mail (queued 30 min ago, the first pending).
        for (String status : OperationsFigures.OUTBOX_STATUSES) {
            assertThat(metrics.value("paperboy_outbox_mails", "status", status))
                    .as(status)
                    .isEqualTo(number(page, "<dt>" + status + "</dt><dd>(\\d+)</dd>"));
        }
        assertThat(metrics.value("paperboy_outbox_mails", "status", "sent")).isEqualTo(1);
        assertThat(page).contains("Oldest waiting</dt><dd> queued <time datetime=\"" + QUEUED_AT.plusSeconds(1) + "\"");
        assertThat(metrics.value("paperboy_outbox_oldest_waiting_age_seconds"))
                .isCloseTo(
                        Duration.between(QUEUED_AT.plusSeconds(1), Instant.now())
                                .toSeconds(),
                        within(30.0));

        // The digest job: last run failed, with its moment; its next run on the hour grid, as the page says.
        assertThat(metrics.value("paperboy_job_last_run_failed", "name", "digest"))
                .isEqualTo(1);
        assertThat(metrics.value("paperboy_job_running", "name", "digest")).isZero();
        assertThat(metrics.value("paperboy_job_last_run_timestamp_seconds", "name", "digest"))
                .isEqualTo(FAILED_AT.getEpochSecond());
        assertThat(metrics.value("paperboy_job_last_failure_timestamp_seconds", "name", "digest"))
                .isEqualTo(FAILED_AT.getEpochSecond());
        assertThat(metrics.value("paperboy_job_last_finished_timestamp_seconds", "name", "digest"))
                .isEqualTo(FAILED_AT.getEpochSecond() + 3);
        assertThat(page).contains("<time datetime=\"" + FAILED_AT + "\"", "failed: the relay refused the connection");
        Instant next = Instant.ofEpochSecond(
                (long) metrics.value("paperboy_job_next_run_timestamp_seconds", "name", "digest"));
        assertThat(page).contains("<time datetime=\"" + next + "\"");
        assertThat(metrics.value("paperboy_job_interval_seconds", "name", "digest"))
                .isEqualTo(3600);
        assertThat(metrics.value("paperboy_job_interval_seconds", "name", NightlyHarvest.JOB))
                .isEqualTo(86_400);
        // The nightly harvest never ran: no last run, no next run (the page: "never", "at its next scheduled hour").
        assertThat(metrics.series("paperboy_job_last_run_timestamp_seconds"))
                .doesNotContainKey(java.util.Map.of("name", NightlyHarvest.JOB));

        // Harvest per set.
        assertThat(metrics.value("paperboy_harvest_records", "endpoint", ENDPOINT, "set", "math"))
                .isEqualTo(42);
        assertThat(metrics.value("paperboy_harvest_failing", "endpoint", ENDPOINT, "set", "math"))
                .isEqualTo(1);
        assertThat(metrics.value("paperboy_harvest_in_progress", "endpoint", ENDPOINT, "set", "math"))
                .isZero();
        assertThat(metrics.value(
                        "paperboy_harvest_last_success_timestamp_seconds", "endpoint", ENDPOINT, "set", "math"))
                .isEqualTo(Instant.parse("2026-12-01T03:00:00Z").getEpochSecond());
        assertThat(page).contains("<td>math</td><td>idle</td><td>42</td>", "HTTP 503 from the endpoint");

        // Embeddings: pending papers as the page counts them (the test server embeds nothing).
        assertThat(metrics.value("paperboy_embeddings_pending_papers"))
                .isEqualTo(number(page, "Pending</dt><dd>(\\d+) papers"))
                .isPositive();
        assertThat(metrics.value("paperboy_embeddings_stored_total"))
                .isEqualTo(number(page, "Stored</dt><dd>(\\d+) embeddings"));
        assertThat(metrics.type("paperboy_embeddings_stored_total")).isEqualTo("counter");
        assertThat(metrics.value("paperboy_embeddings_lease_held")).isZero();
        assertThat(metrics.has("paperboy_embeddings_eta_seconds"))
                .as("unknown until a node embeds, as on the page")
                .isFalse();

        // Nodes: this one, its version and index lag as on the page.
        String node = text(page, "<tr><td><code>([^<]+)</code></td><td>development build</td>");
        assertThat(metrics.value("paperboy_node_info", "node", node, "version", "development build"))
                .isEqualTo(1);
        assertThat(metrics.value("paperboy_nodes_seen")).isEqualTo(1);
        assertThat(metrics.value("paperboy_node_index_lag_papers", "node", node))
                .isEqualTo(number(page, "<td>(\\d+) papers, \\d+ embeddings \\(applied"));
        assertThat(metrics.value("paperboy_node_index_applied_change", "node", node))
                .isEqualTo(number(page, "\\(applied up to change (\\d+)\\)"));

        // Site: store size in the page's rounding, version, uptime.
        assertThat(OperatorFormat.bytes((long) metrics.value("paperboy_store_size_bytes")))
                .isEqualTo(text(page, "Store</dt><dd>sqlite, ([^<]+)</dd>"));
        assertThat(metrics.value("paperboy_build_info", "version", "development build"))
                .isEqualTo(1);
        assertThat(metrics.value("paperboy_uptime_seconds")).isPositive();
        assertThat(metrics.value("paperboy_operations_age_seconds")).isLessThan(30);
    }

    @Test
    void theFigures_stayAfterGarbageCollection() throws Exception {
        scrapeWithKnownState();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a gauge Micrometer held only weakly reads NaN from here on
            Thread.sleep(100);
        }
        PrometheusText after = scrape();

        assertThat(after.value("paperboy_outbox_mails", "status", "pending")).isEqualTo(3);
        assertThat(after.value("paperboy_store_size_bytes")).isPositive();
        assertThat(after.samples())
                .filteredOn(s -> s.name().startsWith("paperboy_") && Double.isNaN(s.value()))
                .isEmpty();
    }

    @Test
    void everySeries_followsPrometheusNaming() throws Exception {
        PrometheusText metrics = scrapeWithKnownState();

        for (PrometheusText.Sample s : metrics.samples()) {
            if (!s.name().startsWith("paperboy_")) {
                continue;
            }
            assertThat(s.labels().keySet()).as(s.name()).doesNotContain("job", "instance"); // Prometheus's own labels
            assertThat(metrics.help(
                            s.name().endsWith("_total") && metrics.help(s.name()) == null
                                    ? s.name().substring(0, s.name().length() - 6)
                                    : s.name()))
                    .as("HELP of " + s.name())
                    .isNotBlank();
            // Units in the name; a moment is a Unix time in seconds.
            if (s.name().contains("timestamp")
                    || s.name().contains("time_seconds")
                    || s.name().contains("age")) {
                assertThat(s.name()).endsWith("_seconds");
            }
        }
    }

    private static double number(String page, String regex) {
        return Double.parseDouble(text(page, regex));
    }

    private static String text(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).as("the page shows " + regex).isTrue();
        return m.group(1);
    }
}
