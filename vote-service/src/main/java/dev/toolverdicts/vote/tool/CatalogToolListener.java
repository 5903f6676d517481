package dev.toolverdicts.vote.tool;

import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local copy of catalog tools from {@code catalog.tool.v1}; the offset is committed only after the row
 * is written, and the version guard makes redelivery and replay harmless.
 */
@Component
class CatalogToolListener {

    private final KnownToolRepository tools;
    private final Counter applied;
    private final Counter stale;

    CatalogToolListener(KnownToolRepository tools, MeterRegistry meters) {
        this.tools = tools;
        this.applied = events(meters, "applied");
        this.stale = events(meters, "stale");
    }

    @KafkaListener(id = "vote-catalog-tools", topics = Topics.CATALOG_TOOL)
    void on(ToolEvent event) {
        if (tools.apply(event)) {
            applied.increment();
        } else {
            stale.increment();
        }
    }

    private static Counter events(MeterRegistry meters, String outcome) {
        return Counter.builder("projection.events")
                .description("Catalog events vote-service received, by whether they changed its copy")
                .tag("topic", Topics.CATALOG_TOOL)
                .tag("outcome", outcome)
                .register(meters);
    }
}
