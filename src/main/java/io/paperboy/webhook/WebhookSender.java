package io.paperboy.webhook;

import io.paperboy.web.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Posts one webhook body to one destination and says how it went: with connect and total
 * timeouts, a cap on what is sent and on what is read back, no redirects (a redirect could point
 * anywhere, past the guard), and every address checked by {@link TargetGuard} as it is connected to.
 * Retrying is the outbox's job; this class makes one attempt.
 */
public final class WebhookSender implements AutoCloseable {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_BODY_BYTES = 256 * 1024;
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final TargetGuard guard;
    private final Clock clock;
    private final HttpClient http = new HttpClient();

    public WebhookSender(TargetGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        http.setSocketAddressResolver(guard);
        http.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
        http.setIdleTimeout(REQUEST_TIMEOUT.toMillis());
        http.setFollowRedirects(false);
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Paperboy-Webhooks/1"));
        try {
            http.start();
            // Raw answers (the handlers are installed by start): otherwise a 401 starts Jetty's
            // authentication handling, which fails as a network error and would be retried.
            http.getProtocolHandlers().clear();
        } catch (Exception e) {
            throw new IllegalStateException("webhooks: cannot start the HTTP client", e);
        }
    }

    public TargetGuard guard() {
        return guard;
    }

    /** Posts {@code body} (JSON) to {@code url} with {@code headers}; never throws for what the receiver does. */
    public Attempt post(String url, byte[] body, Map<String, String> headers) {
        return send("POST", url, body, headers);
    }

    /** Sends {@code message}; never throws for what the receiver does. */
    public Attempt send(Message message) {
        return send(message.method(), message.url(), message.body(), message.headers());
    }

    private Attempt send(String method, String url, byte[] body, Map<String, String> headers) {
        long start = System.nanoTime();
        if (body.length > MAX_BODY_BYTES) {
            return failed(start, "the message is " + body.length + " bytes, over the " + MAX_BODY_BYTES + "-byte cap");
        }
        URI target;
        try {
            target = guard.check(url);
        } catch (TargetGuard.RefusedTarget e) {
            return failed(start, "destination refused: " + e.getMessage());
        }
        Request request = http.newRequest(target)
                .method(method)
                .timeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> headers.forEach(h::put))
                .body(new BytesRequestContent("application/json", body));
        try {
            ContentResponse response = new CompletableResponseListener(request, MAX_RESPONSE_BYTES)
                    .send()
                    .get(REQUEST_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return answered(start, response);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TargetGuard.RefusedTarget refused) {
                return failed(start, "destination refused: " + refused.getMessage());
            }
            return retry(
                    start,
                    cause instanceof TimeoutException
                            ? "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s"
                            : "network error: " + describe(cause));
        } catch (TimeoutException e) {
            request.abort(e);
            return retry(start, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return retry(start, "interrupted while sending");
        }
    }

    private Attempt answered(long start, ContentResponse response) {
        int status = response.getStatus();
        Duration latency = since(start);
        if (status >= 200 && status < 300) {
            return new Attempt(Attempt.Outcome.DELIVERED, status, latency, null, null);
        }
        String reason = "the receiver answered " + status;
        if (status == 429 || status == 503) {
            Duration wait = RetryAfter.parse(response.getHeaders().get(HttpHeader.RETRY_AFTER), clock.instant())
                    .orElse(null);
            return new Attempt(Attempt.Outcome.RETRY, status, latency, wait, reason);
        }
        if (status >= 500 || status == 408) {
            return new Attempt(Attempt.Outcome.RETRY, status, latency, null, reason);
        }
        if (status >= 300 && status < 400) {
            return new Attempt(
                    Attempt.Outcome.FAILED,
                    status,
                    latency,
                    null,
                    reason + " (a redirect; webhooks do not " + "follow them: give the final URL)");
        }
        return new Attempt(Attempt.Outcome.FAILED, status, latency, null, reason);
    }

    private static Attempt failed(long start, String why) {
        return new Attempt(Attempt.Outcome.FAILED, 0, since(start), null, why);
    }

    private static Attempt retry(long start, String why) {
        return new Attempt(Attempt.Outcome.RETRY, 0, since(start), null, why);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown";
        }
        String message = cause.getMessage();
        return cause instanceof IOException && message != null
                ? message
                : cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
