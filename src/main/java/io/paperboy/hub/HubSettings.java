package io.paperboy.hub;

import java.net.URI;
import java.time.Duration;

/**
 * How the hub worker asks the Hugging Face Hub: {@code base} (the Hub; a replay server in tests),
 * at most one request per {@code interval}, a User-Agent naming the site's {@code contact}.
 */
public record HubSettings(URI base, Duration interval, String contact) {
    public static final URI HUB = URI.create("https://huggingface.co/");

    public HubSettings {
        if (!base.toString().endsWith("/")) {
            base = URI.create(base + "/");
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval between Hub requests must not be negative: " + interval);
        }
    }

    String userAgent() {
        return "Paperboy-hub-links/1.0" + (contact == null || contact.isBlank() ? "" : " (" + contact + ")");
    }
}
