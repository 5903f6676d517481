package dev.toolverdicts.newsletter.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How old an event of one consumed topic is when the digest feed applies it ({@code newsletter.feed.freshness}).
 * Applied and stale events are counted by the platform ({@code events.consumed}).
 */
final class FeedFreshness {

    private final Clock clock;
    private final Timer freshness;

    FeedFreshness(MeterRegistry meters, Clock clock, String topic) {
        this.clock = clock;
        this.freshness = Timer.builder("newsletter.feed.freshness")
                .description("From the change in its source service to applied in the newsletter's copy")
                .tag("topic", topic)
                .register(meters);
    }

    void record(boolean wasApplied, Instant changedAt) {
        if (wasApplied && changedAt != null) {
            freshness.record(Duration.between(changedAt, clock.instant()).abs());
        }
    }
}
