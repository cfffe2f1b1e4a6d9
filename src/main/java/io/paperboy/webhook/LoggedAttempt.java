package io.paperboy.webhook;

import java.time.Instant;

/**
 * One line of a destination's delivery log.
 *
 * @param eventKey what was sent: {@code test}, a daily period's key, {@code featured:ID:DAY}
 * @param outcome {@code delivered}, {@code retry} or {@code failed}
 * @param status the receiver's HTTP status, 0 when no answer came
 * @param error what went wrong in words, null when delivered
 */
public record LoggedAttempt(String eventKey, Instant at, String outcome, int status, long latencyMs, String error) {}
