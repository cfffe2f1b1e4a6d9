package io.paperboy.ingest.arxiv;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Fetches OAI-PMH pages through {@link PoliteHttp}: OAI errors are answers, not failures, so
 * {@code noRecordsMatch} is an empty page and every other code an {@link OaiErrorException}
 * naming the request; a malformed page or an unexpected status is a {@link HarvestException}.
 */
public final class OaiClient implements AutoCloseable {
    /** Waits; tests replace it to record the waits instead of sleeping through them. */
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HarvestSettings settings;
    private final PoliteHttp http;
    private final OaiPageParser parser = new OaiPageParser();

    public OaiClient(HarvestSettings settings, Pause pause, Clock clock) {
        this.settings = settings;
        this.http = new PoliteHttp(settings, pause::sleep, clock);
    }

    public OaiClient(HarvestSettings settings) {
        this(settings, duration -> Thread.sleep(duration), Clock.systemUTC());
    }

    /** Where retries are announced. */
    public OaiClient onMessage(Consumer<String> log) {
        http.onMessage(log);
        return this;
    }

    public HarvestSettings settings() {
        return settings;
    }

    /** The page answering {@code request}; {@code noRecordsMatch} is an empty page. */
    OaiPage fetch(OaiRequest request) {
        PoliteHttp.Answer answer = http.get(request.uri(), request.toString());
        // Some OAI-PMH servers send their error documents with a 4xx status.
        if (answer.status() != 200 && !looksLikeOai(answer.body())) {
            throw new HarvestException(request + ": HTTP " + answer.status() + " (expected 200 with an OAI-PMH page)");
        }
        OaiPage page;
        try {
            page = parser.parse(new ByteArrayInputStream(answer.body()), request.toString());
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

    private static boolean looksLikeOai(byte[] body) {
        return new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).contains("OAI-PMH");
    }

    @Override
    public void close() {
        http.close();
    }
}
