package io.paperboy.github;

import java.net.URI;
import java.time.Duration;

/**
 * How the stars worker asks GitHub's REST API: {@code apiBase} (GitHub's API; a replay server in
 * tests), an optional {@code token} (sent as a bearer token: 5,000 requests an hour instead of 60),
 * at most one request per {@code interval}, a User-Agent naming the site's {@code contact}.
 */
public record GithubSettings(URI apiBase, String token, Duration interval, String contact) {
    public static final URI GITHUB_API = URI.create("https://api.github.com/");

    public GithubSettings {
        if (!apiBase.toString().endsWith("/")) {
            apiBase = URI.create(apiBase + "/");
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException(
                    "the interval between GitHub requests must not be negative: " + interval);
        }
        token = token == null || token.isBlank() ? null : token.strip();
    }

    String userAgent() {
        return "Paperboy-stars/1.0" + (contact == null || contact.isBlank() ? "" : " (" + contact + ")");
    }
}
