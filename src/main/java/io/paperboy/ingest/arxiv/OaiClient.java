package io.paperboy.ingest.arxiv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * Fetches OAI-PMH pages politely and patiently: at most one request per {@code delay}, a
 * server's {@code 503 Retry-After} honoured, transient failures (connection errors, timeouts,
 * 5xx, 429) retried with exponential backoff up to a cap, everything else a precise
 * {@link HarvestException} naming the request.
 */
public final class OaiClient implements AutoCloseable {
    /** Waits; tests replace it to record the waits instead of sleeping through them. */
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HarvestSettings settings;
    private final HttpClient http;
    private final Pause pause;
    private final Clock clock;
    private final OaiPageParser parser = new OaiPageParser();
    private Consumer<String> log = message -> {};
    private Instant lastRequest;

    public OaiClient(HarvestSettings settings, Pause pause, Clock clock) {
        this.settings = settings;
        this.pause = pause;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public OaiClient(HarvestSettings settings) {
        this(settings, duration -> Thread.sleep(duration), Clock.systemUTC());
    }

    /** Where retries are announced. */
    public OaiClient onMessage(Consumer<String> log) {
        this.log = log;
        return this;
    }

    public HarvestSettings settings() {
        return settings;
    }

    /** The page answering {@code request}; {@code noRecordsMatch} is an empty page. */
    OaiPage fetch(OaiRequest request) {
        for (int attempt = 1; ; attempt++) {
            Retry retry = attempt(request, attempt);
            if (retry.page() != null) {
                return retry.page();
            }
            if (attempt >= settings.maxAttempts()) {
                throw new HarvestException(request + ": gave up after " + attempt + " attempts; last: " + retry.reason());
            }
            log.accept(request + ": " + retry.reason() + "; retrying in " + retry.delay().toMillis() + " ms (attempt "
                    + (attempt + 1) + " of " + settings.maxAttempts() + ")");
            sleep(request, retry.delay());
        }
    }

    /** The page, or why and how long to wait before trying again. */
    private record Retry(OaiPage page, String reason, Duration delay) {
        static Retry done(OaiPage page) {
            return new Retry(page, null, null);
        }
    }

    private Retry attempt(OaiRequest request, int attempt) {
        awaitTurn(request);
        HttpResponse<byte[]> response;
        try {
            response = send(request);
        } catch (HttpTimeoutException | TimeoutException e) {
            return new Retry(null, "no answer within " + seconds(settings.requestTimeout()) + " ("
                    + e.getMessage() + ")", backoff(attempt));
        } catch (IOException e) {
            return new Retry(null, "connection failed: " + e, backoff(attempt));
        }
        int status = response.statusCode();
        if (status == 503 || status == 429 || status >= 500) {
            Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    .map(this::capped).orElse(backoff(attempt));
            return new Retry(null, "HTTP " + status, wait);
        }
        if (status != 200 && !looksLikeOai(response.body())) {
            throw new HarvestException(request + ": HTTP " + status + " (expected 200 with an OAI-PMH page)");
        }
        return Retry.done(page(request, response.body()));
    }

    private OaiPage page(OaiRequest request, byte[] body) {
        OaiPage page;
        try {
            page = parser.parse(new ByteArrayInputStream(body), request.toString());
        } catch (OaiPageParser.MalformedPageException e) {
            throw new HarvestException(e.getMessage(), e);
        }
        if (page.errors().isEmpty()) {
            return page;
        }
        if (page.errors().stream().allMatch(e -> e.code().equals(OaiError.NO_RECORDS_MATCH))) {
            return OaiPage.empty();
        }
        throw new OaiErrorException(request, page.errors());
    }

    // Bounds the whole exchange, body included: HttpRequest.timeout only bounds the wait for headers.
    private HttpResponse<byte[]> send(OaiRequest request) throws IOException, TimeoutException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/xml, application/xml");
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
            throw new HarvestException(request + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(request + ": interrupted", e);
        } finally {
            future.cancel(true);
        }
    }

    private void awaitTurn(OaiRequest request) {
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

    private void sleep(OaiRequest request, Duration wait) {
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(request + ": interrupted while waiting", e);
        }
    }

    private static boolean looksLikeOai(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.UTF_8);
        return start.contains("OAI-PMH");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        http.close();
    }
}
