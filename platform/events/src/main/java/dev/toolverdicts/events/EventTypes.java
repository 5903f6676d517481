package dev.toolverdicts.events;

import dev.toolverdicts.events.catalog.ToolEvent;
import java.util.List;
import java.util.Optional;

/** The table of every event type in the contract, so a consumer can map a {@code ce_type} header to its record. */
public final class EventTypes {

    public static final EventType<ToolEvent> CATALOG_TOOL =
            new EventType<>(Topics.CATALOG_TOOL, "dev.toolverdicts.catalog.tool.v1", ToolEvent.class);

    private static final List<EventType<?>> ALL = List.of(CATALOG_TOOL);

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
