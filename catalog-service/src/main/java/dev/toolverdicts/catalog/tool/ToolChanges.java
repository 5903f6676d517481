package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Records each new state of a tool as a {@code catalog.tool.v1} event in the outbox, inside the write's transaction. */
@Component
class ToolChanges {

    private final Outbox outbox;

    ToolChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    void recorded(Tool tool) {
        outbox.append(EventTypes.CATALOG_TOOL, tool.toEvent());
    }
}
