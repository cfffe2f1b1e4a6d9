package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperboy.digest.Interests;
import io.paperboy.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery through the outbox: retries, Retry-After, no retry of other 4xx, pausing, the log, a test message. */
final class WebhookOutboxTest {
    // Tomorrow at 08:00 UTC: the first daily period after the destinations are added today.
    private static final Instant T = Instant.now()
            .plus(Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .plus(Duration.ofHours(8));

    @TempDir
    Path dir;

    private WebhookFixture fixture() {
        return new WebhookFixture(TestStore.SQLITE.newDatabaseUrl(dir), dir.resolve("mail"));
    }

    @Test
    void tooManyRequestsWithRetryAfter_waitsExactlyAsLongAsAsked() throws Exception {
        try (WebhookFixture f = fixture();
                ChatReceiver receiver = new ChatReceiver()) {
            f.add(null, "slack", receiver.url("slack"), "3", Interests.NONE, false);
            receiver.answer("slack", 429, 1, "120");

            assertThat(f.webhooks.run(T).retrying()).isEqualTo(1);
            // A minute later the receiver's two minutes are not over: nothing is sent.
            assertThat(f.webhooks.deliver(T.plusSeconds(60)).sent()).isZero();
            assertThat(f.webhooks.deliver(T.plusSeconds(125)).sent()).isEqualTo(1);

            assertThat(receiver.of("slack")).hasSize(1);
            assertThat(f.webhooks.outboxCounts()).isEqualTo(Map.of("sent", 1));
        }
    }

    @Test
    void serverError_isRetriedAfterABackoffWithJitter_butNotFound_isNotRetried() throws Exception {
        try (WebhookFixture f = fixture();
                ChatReceiver receiver = new ChatReceiver()) {
            f.add(null, "discord", receiver.url("discord"), "3", Interests.NONE, false);
            f.add(null, "mattermost", receiver.url("mattermost"), "3", Interests.NONE, false);
            receiver.answer("discord", 502, 1, null);
            receiver.answer("mattermost", 404, 1, null);

            WebhookService.Round first = f.webhooks.run(T);

            assertThat(first.retrying()).isEqualTo(1);
            assertThat(first.failed()).isEqualTo(1);
            // The first retry waits 15 to 30 s (30 s, half of it random).
            Instant next = Instant.parse(f.db.withHandle(
                    h -> h.createQuery("SELECT next_attempt_at FROM webhook_outbox WHERE status = 'pending'")
                            .mapTo(String.class)
                            .one()));
            assertThat(next).isBetween(T.plusSeconds(15), T.plusSeconds(32));
            assertThat(f.webhooks.deliver(T.plusSeconds(35)).sent()).isEqualTo(1);
            assertThat(f.webhooks.deliver(T.plus(Duration.ofHours(3))).sent()).isZero();
            assertThat(receiver.of("discord")).hasSize(1);
            assertThat(receiver.of("mattermost")).isEmpty();
            assertThat(f.webhooks.outboxCounts()).isEqualTo(Map.of("sent", 1, "failed", 1));
        }
    }

    @Test
    void backoff_doublesFromThirtySeconds_upToAnHour_withHalfOfItRandom() {
        assertThat(WebhookDelivery.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(WebhookDelivery.backoff(1, 1.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookDelivery.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(90));
        assertThat(WebhookDelivery.backoff(30, 1.0)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void threeMessagesFailingForGood_pauseTheDestination_withTheReasonShown() throws Exception {
        try (WebhookFixture f = fixture();
                ChatReceiver receiver = new ChatReceiver()) {
            long id = f.add(null, "slack", receiver.url("slack"), "3", Interests.NONE, false)
                    .destination()
                    .id();
            receiver.answer("slack", 410, 3, null);

            for (int day = 0; day < 3; day++) {
                f.webhooks.run(T.plus(Duration.ofDays(day)));
            }
            WebhookService.Round fourth = f.webhooks.run(T.plus(Duration.ofDays(3)));

            Destination d = f.webhooks.find(id).orElseThrow();
            assertThat(d.paused()).isTrue();
            assertThat(d.pausedReason()).isEqualTo("the receiver answered 410");
            assertThat(fourth.queued())
                    .as("nothing queued for a paused destination")
                    .isZero();
            assertThat(f.webhooks.log(id))
                    .hasSize(3)
                    .allSatisfy(a -> assertThat(a.status()).isEqualTo(410));

            f.webhooks.resume(id);
            assertThat(f.webhooks.run(T.plus(Duration.ofDays(4))).sent()).isEqualTo(1);
            assertThat(f.webhooks.find(id).orElseThrow().failures()).isZero();
        }
    }

    @Test
    void deliveryLog_keepsTheLastFiftyAttempts_newestFirst() throws Exception {
        try (WebhookFixture f = fixture();
                ChatReceiver receiver = new ChatReceiver()) {
            long id = f.add(null, "slack", receiver.url("slack"), "3", Interests.NONE, false)
                    .destination()
                    .id();
            DeliveryRepository repository = new DeliveryRepository();
            for (int i = 0; i < 60; i++) {
                Attempt a = new Attempt(Attempt.Outcome.RETRY, 500 + i % 4, Duration.ofMillis(i), null, "n" + i);
                f.db.useTransaction(h -> repository.log(h, id, "e", T, a));
            }

            var log = f.webhooks.log(id);

            assertThat(log).hasSize(50);
            assertThat(log.getFirst().error()).isEqualTo("n59");
            assertThat(log.getLast().error()).isEqualTo("n10");
            assertThat(f.count("SELECT count(*) FROM webhook_attempts")).isEqualTo(50);
        }
    }

    @Test
    void destinationOnLoopbackOrTheMetadataAddress_isRefusedWithTheReason_unlessTheOperatorAllowsIt() throws Exception {
        for (String url : new String[] {"http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data"}) {
            Map<String, String> problems = DestinationInput.problems();
            DestinationInput.parse(
                    new DestinationInput.Raw("slack", "x", url, null, "10", "8", "UTC", null, "", "", ""),
                    new TargetGuard(false),
                    problems);
            assertThat(problems).containsOnlyKeys("url");
            assertThat(problems.get("url")).contains("--webhooks-allow-private");

            Map<String, String> allowed = DestinationInput.problems();
            assertThat(DestinationInput.parse(
                            new DestinationInput.Raw("slack", "x", url, null, "10", "8", "UTC", null, "", "", ""),
                            new TargetGuard(true),
                            allowed))
                    .isNotNull();
        }
        // A destination stored while allowed, sent after the operator turned the option off: refused at send time.
        try (WebhookSender strict = new WebhookSender(new TargetGuard(false), Clock.systemUTC())) {
            Attempt a = strict.post("http://127.0.0.1:9/hook", new byte[] {'{', '}'}, Map.of());
            assertThat(a.outcome()).isEqualTo(Attempt.Outcome.FAILED);
            assertThat(a.error())
                    .startsWith("destination refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address");
        }
    }

    @Test
    void badFormInput_getsOneMessagePerField() {
        Map<String, String> problems = DestinationInput.problems();

        DestinationInput.parse(
                new DestinationInput.Raw(
                        "telegram", "", "ftp://x", null, "99", "25", "Mars/Olympus", null, "", "", "not a category!"),
                new TargetGuard(false),
                problems);

        assertThat(problems).containsOnlyKeys("kind", "name", "url", "dailyTop", "hour", "zone", "categories");
        assertThat(problems.get("url")).isEqualTo("only http and https URLs are allowed, not 'ftp'");
        assertThat(problems.get("dailyTop")).contains("0 (none) to 10");
    }

    @Test
    void sendATest_reachesTheReceiverAtOnce_andShowsInTheLog() throws Exception {
        try (WebhookFixture f = fixture();
                ChatReceiver receiver = new ChatReceiver()) {
            WebhookService.Created created =
                    f.add(null, "generic", receiver.url("generic"), "3", Interests.NONE, false);
            receiver.secret(created.secret());

            Attempt a = f.webhooks.sendTest(created.destination());

            assertThat(a.outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
            assertThat(receiver.of("generic"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.body().path("type").asText()).isEqualTo("test"));
            assertThat(f.webhooks.log(created.destination().id()))
                    .singleElement()
                    .satisfies(l -> assertThat(l.eventKey()).isEqualTo("test"));
        }
    }

    @Test
    void paperFeaturedByAFollowedAuthor_isSentAsItIsFeatured_withWhy() throws Exception {
        try (WebhookFixture f = fixture();
                ChatReceiver receiver = new ChatReceiver()) {
            f.add(
                    null,
                    "mattermost",
                    receiver.url("mattermost"),
                    "0",
                    new Interests(java.util.List.of(), java.util.List.of("Ada Lovelace"), java.util.List.of()),
                    false);
            f.webhooks.run(Instant.now());

            f.featureAda();
            WebhookService.Round round = f.webhooks.run(Instant.now().plusSeconds(1));
            f.webhooks.run(Instant.now().plusSeconds(2));

            assertThat(round.sent()).isEqualTo(1);
            assertThat(receiver.of("mattermost"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.body().toString())
                            .contains("Notes on the analytical engine")
                            .contains("by Ada Lovelace, whom you follow"));
        }
    }
}
