package dev.toolverdicts.review.tool;

import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local copy of {@code catalog.tool.v1} that decides which tools take verdicts. The offset is committed
 * only after the row is written, and the version guard makes redelivery and replay harmless.
 */
@Component
class CatalogToolListener {

    private final KnownToolRepository tools;
    private final Clock clock;
    private final Counter applied;
    private final Counter stale;

    CatalogToolListener(KnownToolRepository tools, Clock clock, MeterRegistry meters) {
        this.tools = tools;
        this.clock = clock;
        this.applied = copyEvents(meters, "applied");
        this.stale = copyEvents(meters, "stale");
    }

    @KafkaListener(id = "review-catalog-tool-copy", topics = Topics.CATALOG_TOOL)
    void on(ToolEvent event) {
        if (tools.apply(event, clock.instant())) {
            applied.increment();
        } else {
            stale.increment();
        }
    }

    private static Counter copyEvents(MeterRegistry meters, String outcome) {
        return Counter.builder("known.tool.events")
                .description("Catalog tool events received, by whether they changed the local copy")
                .tag("topic", Topics.CATALOG_TOOL)
                .tag("outcome", outcome)
                .register(meters);
    }
}
