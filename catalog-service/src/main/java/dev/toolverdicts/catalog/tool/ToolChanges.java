package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.outbox.Outbox;
import dev.toolverdicts.outbox.OutboxMessage;
import org.springframework.stereotype.Component;

/** Records each new state of a tool as a {@code catalog.tool.v1} event in the outbox, inside the write's transaction. */
@Component
class ToolChanges {

    private final Outbox outbox;

    ToolChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    void recorded(Tool tool) {
        outbox.append(new OutboxMessage(EventTypes.CATALOG_TOOL.topic(), tool.id().toString(),
                EventTypes.CATALOG_TOOL.name(), tool.slug(), EventCodec.encode(tool.toEvent())));
    }
}
