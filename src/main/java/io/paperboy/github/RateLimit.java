package io.paperboy.github;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When GitHub may be asked again, read from an answer as its REST documentation says ("Rate
 * limits for the REST API"): a 403 or 429 is a rate limit when {@code x-ratelimit-remaining} is 0
 * (wait until {@code x-ratelimit-reset}, UTC epoch seconds), when it carries {@code retry-after}
 * (wait that many seconds), or when its message says so (a secondary limit: wait at least a
 * minute). Any answer whose {@code x-ratelimit-remaining} is 0 also means: no more until the reset.
 */
final class RateLimit {
    static final Duration SECONDARY_WAIT = Duration.ofMinutes(1);

    private RateLimit() {}

    /** True when a 403/429 answer is GitHub refusing for the rate, not for the repository. */
    static boolean limited(int status, HttpHeaders headers, String body) {
        if (status != 403 && status != 429) {
            return false;
        }
        return status == 429
                || remaining(headers).orElse(1) == 0
                || headers.firstValue("retry-after").isPresent()
                || body.toLowerCase(java.util.Locale.ROOT).contains("rate limit");
    }

    /** Until when to ask nothing more after this answer; empty when requests may go on. */
    static Optional<Instant> pauseUntil(int status, HttpHeaders headers, String body, Instant now) {
        Optional<Instant> retryAfter =
                headers.firstValue("retry-after").flatMap(RateLimit::seconds).map(s -> now.plusSeconds(Math.max(1, s)));
        Optional<Instant> reset = remaining(headers).orElse(1) == 0
                ? headers.firstValue("x-ratelimit-reset")
                        .flatMap(RateLimit::seconds)
                        .map(Instant::ofEpochSecond)
                        .map(t -> t.isAfter(now) ? t : now.plusSeconds(1))
                : Optional.empty();
        if (retryAfter.isPresent() || reset.isPresent()) {
            Instant a = retryAfter.orElse(now);
            Instant b = reset.orElse(now);
            return Optional.of(a.isAfter(b) ? a : b);
        }
        return limited(status, headers, body) ? Optional.of(now.plus(SECONDARY_WAIT)) : Optional.empty();
    }

    private static OptionalLong remaining(HttpHeaders headers) {
        return headers.firstValue("x-ratelimit-remaining")
                .flatMap(RateLimit::seconds)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    private static Optional<Long> seconds(String raw) {
        try {
            return Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
