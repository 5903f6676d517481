package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.ingest.ProjectionApplier;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@code catalog.tool.v1} to the tool views. The offset is committed only after the row is written, and
 * the version guard makes redelivery and replay harmless.
 */
@Component
class CatalogToolListener {

    private final ProjectionApplier applier;

    CatalogToolListener(ProjectionApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "catalog-tool-projection", topics = Topics.CATALOG_TOOL)
    void on(ToolEvent event) {
        applier.apply(event);
    }
}
