package io.paperboy.webhook;

import java.time.Duration;

/**
 * How one delivery attempt went, as the delivery log shows it and the outbox acts on it.
 *
 * @param status the receiver's HTTP status, 0 when no answer came (refused target, timeout, network)
 * @param retryAfter how long the receiver asked us to wait (429 or 503 with Retry-After), else null
 * @param error what went wrong in words, null when delivered
 */
public record Attempt(Outcome outcome, int status, Duration latency, Duration retryAfter, String error) {
    /** What the outbox does next. */
    public enum Outcome {
        /** 2xx: done. */
        DELIVERED,
        /** 5xx, 408, 429, a timeout or a network error: try again later. */
        RETRY,
        /** Any other 4xx, a redirect, or a refused target: trying again would not help. */
        FAILED
    }
}
