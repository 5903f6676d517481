package dev.toolverdicts.comparison.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The projection's own meters, per source topic: event age at apply ({@code projection.freshness}: source change to
 * applied), and the age of the newest applied event ({@code projection.event.age}, growing while nothing new
 * arrives). Events applied or found stale are counted by the platform ({@code events.consumed}).
 */
@Component
class ProjectionMeters {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, TopicMeters> byTopic = new ConcurrentHashMap<>();

    ProjectionMeters(MeterRegistry registry, Clock clock, Projections projections) {
        this.registry = registry;
        this.clock = clock;
        projections.topics().forEach(this::of);
    }

    void applied(String topic, Instant changedAt, Instant now) {
        TopicMeters meters = of(topic);
        meters.freshness.record(Duration.between(changedAt, now));
        meters.newest.accumulateAndGet(changedAt, (held, next) -> held == null || next.isAfter(held) ? next : held);
    }

    private TopicMeters of(String topic) {
        return byTopic.computeIfAbsent(topic, t -> new TopicMeters(registry, clock, t));
    }

    private static final class TopicMeters {

        final Timer freshness;
        final AtomicReference<Instant> newest = new AtomicReference<>();

        TopicMeters(MeterRegistry registry, Clock clock, String topic) {
            freshness = Timer.builder("projection.freshness")
                    .description("Event age at apply: from the change in its source service to applied in the view")
                    .tag("topic", topic)
                    .publishPercentileHistogram()
                    .register(registry);
            Gauge.builder("projection.event.age", newest, held -> held.get() == null ? 0
                            : Duration.between(held.get(), clock.instant()).toMillis() / 1000.0)
                    .description("Age of the newest event applied from the topic")
                    .tag("topic", topic)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }
}
