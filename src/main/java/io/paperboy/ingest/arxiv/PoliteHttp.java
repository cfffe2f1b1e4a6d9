package io.paperboy.ingest.arxiv;

import io.paperboy.web.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * GETs for arXiv's services, polite and patient: at most one request per {@code delay}, a
 * server's {@code Retry-After} honoured, transient failures (connection errors, timeouts, 5xx,
 * 429) retried with exponential backoff up to a cap; other answers are returned as they are.
 */
final class PoliteHttp implements AutoCloseable {
    /** Waits; tests replace it to record the waits instead of sleeping through them. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A final answer: not a transient failure. */
    record Answer(int status, byte[] body) {}

    private final HarvestSettings settings;
    private final HttpClient http;
    private final Pause pause;
    private final Clock clock;
    private Consumer<String> log = message -> {};
    private Instant lastRequest;

    PoliteHttp(HarvestSettings settings, Pause pause, Clock clock) {
        this.settings = settings;
        this.pause = pause;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    void onMessage(Consumer<String> log) {
        this.log = log;
    }

    /** The answer to {@code GET uri}; {@code request} names it in messages and errors. */
    Answer get(URI uri, String request) {
        for (int attempt = 1; ; attempt++) {
            Retry retry = attempt(uri, request, attempt);
            if (retry.answer() != null) {
                return retry.answer();
            }
            if (attempt >= settings.maxAttempts()) {
                throw new HarvestException(
                        request + ": gave up after " + attempt + " attempts; last: " + retry.reason());
            }
            log.accept(request + ": " + retry.reason() + "; retrying in "
                    + retry.delay().toMillis() + " ms (attempt " + (attempt + 1) + " of " + settings.maxAttempts()
                    + ")");
            sleep(request, retry.delay());
        }
    }

    /** The answer, or why and how long to wait before trying again. */
    private record Retry(Answer answer, String reason, Duration delay) {}

    private Retry attempt(URI uri, String request, int attempt) {
        awaitTurn(request);
        HttpResponse<byte[]> response;
        try {
            response = send(uri, request);
        } catch (HttpTimeoutException | TimeoutException e) {
            return new Retry(null, "no answer within " + readable(settings.requestTimeout()), backoff(attempt));
        } catch (IOException e) {
            return new Retry(null, "connection failed: " + NetworkErrors.describe(e), backoff(attempt));
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            Duration wait = RetryAfter.parse(
                            response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    .map(this::capped)
                    .orElse(backoff(attempt));
            return new Retry(null, "HTTP " + status, wait);
        }
        return new Retry(new Answer(status, response.body()), null, null);
    }

    // Bounds the whole exchange, body included: HttpRequest.timeout only bounds the wait for headers.
    private HttpResponse<byte[]> send(URI uri, String request) throws IOException, TimeoutException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/xml, text/xml, application/atom+xml");
        if (settings.contact().contains("@")) {
            builder.header("From", settings.contact());
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new HarvestException(request + ": " + NetworkErrors.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(request + ": interrupted", e);
        } finally {
            future.cancel(true);
        }
    }

    private void awaitTurn(String request) {
        Instant now = clock.instant();
        if (lastRequest != null) {
            Duration wait = Duration.between(now, lastRequest.plus(settings.delay()));
            if (wait.isPositive()) {
                sleep(request, wait);
                now = clock.instant();
            }
        }
        lastRequest = now;
    }

    private Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        return capped(settings.initialBackoff().multipliedBy(factor));
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private void sleep(String request, Duration wait) {
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(request + ": interrupted while waiting", e);
        }
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        http.close();
    }
}
