package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.ToolStatus;
import java.time.Instant;
import java.util.UUID;

/** A tool as the catalog API shows it. */
record ToolResponse(
        UUID id,
        long version,
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        ToolStatus status,
        Instant createdAt,
        Instant updatedAt) {

    static ToolResponse of(Tool tool) {
        return new ToolResponse(tool.id(), tool.version(), tool.slug(), tool.name(), tool.vendor(), tool.category(),
                tool.tagline(), tool.description(), tool.license(), tool.status(), tool.createdAt(),
                tool.updatedAt());
    }
}
