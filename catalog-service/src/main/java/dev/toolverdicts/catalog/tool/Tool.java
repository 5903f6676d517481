package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.time.Instant;
import java.util.UUID;

/** A tool in the catalog, as the catalog stores it; every change makes a new value with the next version. */
record Tool(
        UUID id,
        long version,
        ToolContent content,
        ToolStatus status,
        Instant createdAt,
        Instant updatedAt) {

    static Tool draft(ToolContent content, Instant now) {
        return new Tool(UUID.randomUUID(), 1, content, ToolStatus.DRAFT, now, now);
    }

    String slug() {
        return content.slug();
    }

    Tool withContent(ToolContent newContent, Instant now) {
        return new Tool(id, version + 1, newContent, status, createdAt, now);
    }

    Tool withStatus(ToolStatus newStatus, Instant now) {
        return new Tool(id, version + 1, content, newStatus, createdAt, now);
    }

    ToolEvent toEvent() {
        return new ToolEvent(id, version, content.slug(), content.name(), content.vendor(), content.category(),
                content.tagline(), content.description(), content.license(), status, updatedAt, content.pricing(),
                content.facts(), content.links(), content.logoUrl());
    }
}
