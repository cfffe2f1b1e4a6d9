package io.paperboy.thumbnail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the thumbnail worker fetches PDFs: {@code pdfBase} + arXiv id (arXiv's {@code /pdf/}), at
 * most one request per {@code interval} (arXiv asks for one every 3 seconds), a User-Agent naming
 * the {@code contact} address, up to {@code maxAttempts} tries per paper; PNGs go to {@code dir}.
 */
public record ThumbnailSettings(URI pdfBase, Duration interval, String contact, int maxAttempts, Path dir) {
    public static final URI ARXIV_PDF = URI.create("https://arxiv.org/pdf/");
    public static final Duration ARXIV_INTERVAL = Duration.ofSeconds(3);

    public ThumbnailSettings {
        if (contact == null || contact.isBlank()) {
            throw new IllegalArgumentException(
                    "thumbnails need a contact address (--contact) for the User-Agent arXiv asks for");
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval between PDF requests must not be negative: " + interval);
        }
    }

    String userAgent() {
        return "Paperboy-thumbnails/1.0 (mailto:" + contact + ")";
    }
}
