package io.paperboy.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One attempt at a time against a real local HTTP receiver. */
final class WebhookSenderTest {
    private static final String SECRET = WebhookSignature.newSecret();
    private static final byte[] BODY =
            "{\"type\":\"paper.featured\",\"data\":{\"id\":\"2606.12730\"}}".getBytes(StandardCharsets.UTF_8);

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private WebhookSender lab; // the operator allows private targets, as a lab's own chat server needs
    private WebhookSender strict;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/verify", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean valid = new WebhookSignature(SECRET)
                    .verify(
                            exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            body,
                            Instant.now());
            received.add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        answer("/busy", 429, Map.of("Retry-After", "7"));
        answer("/gone", 404, Map.of());
        answer("/broken", 502, Map.of());
        answer("/moved", 302, Map.of("Location", "/verify"));
        receiver.start();
        lab = new WebhookSender(new TargetGuard(true), Clock.systemUTC());
        strict = new WebhookSender(new TargetGuard(false), Clock.systemUTC());
    }

    private void answer(String path, int status, Map<String, String> headers) {
        receiver.createContext(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(path);
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
        strict.close();
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static Map<String, String> signed(String secret) {
        long now = Instant.now().getEpochSecond();
        return Map.of(
                "webhook-id",
                "msg_1",
                "webhook-timestamp",
                Long.toString(now),
                "webhook-signature",
                new WebhookSignature(secret).sign("msg_1", now, BODY));
    }

    @Test
    void aSignedBody_isVerifiedByTheReceiver_andDelivered() {
        Attempt attempt = lab.post(url("/verify"), BODY, signed(SECRET));

        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.DELIVERED);
        assertThat(attempt.status()).isEqualTo(204);
        assertThat(received).containsExactly(new String(BODY, StandardCharsets.UTF_8));
        assertThat(attempt.latency()).isPositive();
    }

    @Test
    void aBodySignedWithAnotherSecret_isRefusedByTheReceiver_andNotRetried() {
        Attempt attempt = lab.post(url("/verify"), BODY, signed(WebhookSignature.newSecret()));

        assertThat(attempt.outcome()).as(attempt.error()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(attempt.status()).isEqualTo(401);
    }

    @Test
    void tooManyRequests_isRetried_afterTheReceiversRetryAfter() {
        Attempt attempt = lab.post(url("/busy"), BODY, Map.of());

        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(attempt.status()).isEqualTo(429);
        assertThat(attempt.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void serverErrors_areRetried_otherClientErrorsAndRedirectsAreNot() {
        assertThat(lab.post(url("/broken"), BODY, Map.of()).outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(lab.post(url("/gone"), BODY, Map.of()).outcome()).isEqualTo(Attempt.Outcome.FAILED);
        Attempt moved = lab.post(url("/moved"), BODY, Map.of());

        assertThat(moved.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(moved.error()).contains("a redirect; webhooks do not follow them");
        assertThat(received).containsExactly("/broken", "/gone", "/moved"); // the redirect was not followed
    }

    @Test
    void aClosedPort_isANetworkErrorToRetry() throws Exception {
        String closed = url("/verify");
        receiver.stop(0);

        Attempt attempt = lab.post(closed, BODY, Map.of());

        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.RETRY);
        assertThat(attempt.status()).isZero();
        assertThat(attempt.error()).startsWith("network error: ");
    }

    @Test
    void loopbackAndMetadataTargets_areRefusedUnlessAllowed_andNothingIsSent() {
        Attempt loopback = strict.post(url("/verify"), BODY, signed(SECRET));
        Attempt metadata = strict.post("http://169.254.169.254/latest/meta-data/", BODY, Map.of());

        assertThat(loopback.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(loopback.error())
                .startsWith("destination refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address");
        assertThat(metadata.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(metadata.error()).contains("a link-local address");
        assertThat(received).isEmpty();
    }

    @Test
    void aBodyOverTheCap_isNotSent() {
        Attempt attempt = lab.post(url("/verify"), new byte[WebhookSender.MAX_BODY_BYTES + 1], Map.of());

        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.FAILED);
        assertThat(attempt.error()).contains("over the " + WebhookSender.MAX_BODY_BYTES + "-byte cap");
        assertThat(received).isEmpty();
    }
}
