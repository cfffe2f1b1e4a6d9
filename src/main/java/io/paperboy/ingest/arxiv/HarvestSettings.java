package io.paperboy.ingest.arxiv;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the OAI-PMH client talks to a server: where, as whom, how politely, how patiently.
 *
 * @param baseUrl the OAI-PMH endpoint, e.g. {@code https://oaipmh.arxiv.org/oai}
 * @param contact an e-mail address (or URL) sent in the User-Agent, as arXiv asks of harvesters
 * @param delay the least time between two requests (arXiv: 3 s)
 * @param maxAttempts tries per request before giving up, the first included
 * @param initialBackoff the wait after the first transient failure, doubled after each next one
 * @param maxBackoff the cap on that wait, and on a server's {@code Retry-After}
 */
public record HarvestSettings(
        URI baseUrl,
        String contact,
        Duration delay,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff) {
    public static final URI ARXIV_OAI = URI.create("https://oaipmh.arxiv.org/oai");
    public static final Duration ARXIV_DELAY = Duration.ofSeconds(3);

    public HarvestSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equalsIgnoreCase(baseUrl.getScheme()) && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new IllegalArgumentException("base URL must be http:// or https://, got " + baseUrl);
        }
        if (contact == null || !(contact.contains("@") || contact.startsWith("http"))) {
            throw new IllegalArgumentException("arXiv asks harvesters for a contact address: give an e-mail "
                    + "address or URL (--contact or PAPERBOY_CONTACT), got " + (contact == null ? "none" : contact));
        }
        if (delay.isNegative() || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "delay must be >= 0 and attempts >= 1, got " + delay + ", " + maxAttempts);
        }
    }

    /** arXiv's rules: one request per 3 s, 5 tries with backoff from 5 s up to 5 min. */
    public static HarvestSettings arxiv(URI baseUrl, String contact) {
        return new HarvestSettings(
                baseUrl,
                contact,
                ARXIV_DELAY,
                Duration.ofSeconds(30),
                Duration.ofMinutes(3),
                5,
                Duration.ofSeconds(5),
                Duration.ofMinutes(5));
    }

    public HarvestSettings withDelay(Duration newDelay) {
        return new HarvestSettings(
                baseUrl, contact, newDelay, connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    public HarvestSettings withTimeouts(Duration connect, Duration request) {
        return new HarvestSettings(baseUrl, contact, delay, connect, request, maxAttempts, initialBackoff, maxBackoff);
    }

    public HarvestSettings withRetries(int attempts, Duration initial, Duration max) {
        return new HarvestSettings(baseUrl, contact, delay, connectTimeout, requestTimeout, attempts, initial, max);
    }

    /** Names the software, its version and whom to contact, as arXiv's robots policy asks. */
    public String userAgent() {
        String version = HarvestSettings.class.getPackage().getImplementationVersion();
        return "Paperboy-harvester/" + (version == null ? "dev" : version) + " ("
                + (contact.contains("@") ? "mailto:" + contact : "+" + contact) + ")";
    }
}
