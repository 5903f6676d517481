package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@code catalog.tool.v1} to the tool views. The offset is committed only after the row is written, and
 * the version guard makes redelivery and replay harmless.
 */
@Component
class CatalogToolListener {

    private final ToolViewRepository views;
    private final Clock clock;
    private final Counter applied;
    private final Counter stale;
    private final Timer freshness;

    CatalogToolListener(ToolViewRepository views, Clock clock, MeterRegistry meters) {
        this.views = views;
        this.clock = clock;
        this.applied = projectionEvents(meters, "applied");
        this.stale = projectionEvents(meters, "stale");
        this.freshness = Timer.builder("projection.freshness")
                .description("From the change in its source service to applied in the view")
                .tag("topic", Topics.CATALOG_TOOL)
                .publishPercentileHistogram()
                .register(meters);
    }

    @KafkaListener(id = "catalog-tool-projection", topics = Topics.CATALOG_TOOL)
    void on(ToolEvent event) {
        Instant now = clock.instant();
        if (views.apply(event, now)) {
            applied.increment();
            freshness.record(Duration.between(event.changedAt(), now));
        } else {
            stale.increment();
        }
    }

    private static Counter projectionEvents(MeterRegistry meters, String outcome) {
        return Counter.builder("projection.events")
                .description("Events the projection received, by whether they changed the view")
                .tag("topic", Topics.CATALOG_TOOL)
                .tag("outcome", outcome)
                .register(meters);
    }
}
