package dev.toolverdicts.newsletter.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How one consumed topic is doing: events applied or stale, and how old an event is when it is applied. */
final class FeedMeters {

    private final Clock clock;
    private final Counter applied;
    private final Counter stale;
    private final Timer freshness;

    FeedMeters(MeterRegistry meters, Clock clock, String topic) {
        this.clock = clock;
        this.applied = events(meters, topic, "applied");
        this.stale = events(meters, topic, "stale");
        this.freshness = Timer.builder("newsletter.feed.freshness")
                .description("From the change in its source service to applied in the newsletter's copy")
                .tag("topic", topic)
                .register(meters);
    }

    void record(boolean wasApplied, Instant changedAt) {
        if (wasApplied) {
            applied.increment();
            if (changedAt != null) {
                freshness.record(Duration.between(changedAt, clock.instant()).abs());
            }
        } else {
            stale.increment();
        }
    }

    private static Counter events(MeterRegistry meters, String topic, String outcome) {
        return Counter.builder("newsletter.feed.events")
                .description("Consumed events, by whether they changed the newsletter's copy")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters);
    }
}
