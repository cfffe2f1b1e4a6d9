package io.paperboy.ingest.arxiv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that stands still until a pause moves it on: waits are recorded, never slept. */
final class FakeTime extends Clock {
    private volatile Instant now = Instant.parse("2026-01-06T06:00:00Z");
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    void pause(Duration duration) {
        waits.add(duration);
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
