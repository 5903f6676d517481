package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.ingest.Projection;
import dev.toolverdicts.comparison.ingest.ViewChanges;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.catalog.ToolEvent;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A catalog tool event changes the tool's view; its slug may change too, so every cached view is dropped. */
@Component
class ToolProjection implements Projection<ToolEvent> {

    private final ToolRows rows;

    ToolProjection(ToolRows rows) {
        this.rows = rows;
    }

    @Override
    public EventType<ToolEvent> type() {
        return EventTypes.CATALOG_TOOL;
    }

    @Override
    public ViewChanges apply(ViewSchema schema, ToolEvent event) {
        return rows.apply(schema, event) ? ViewChanges.catalogTool(event.toolId()) : ViewChanges.NONE;
    }

    @Override
    public Instant changedAt(ToolEvent event) {
        return event.changedAt();
    }

    @Override
    public boolean wide() {
        return true;
    }
}
