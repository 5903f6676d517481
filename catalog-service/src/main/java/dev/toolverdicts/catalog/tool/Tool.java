package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.time.Instant;
import java.util.UUID;

/** A tool in the catalog, as the catalog stores it; every change makes a new value with the next version. */
record Tool(
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

    static Tool draft(NewToolRequest request, Instant now) {
        return new Tool(UUID.randomUUID(), 1, request.slug(), request.name().strip(), request.vendor().strip(),
                request.category().strip(), request.tagline().strip(), blankToNull(request.description()),
                blankToNull(request.license()), ToolStatus.DRAFT, now, now);
    }

    Tool withStatus(ToolStatus newStatus, Instant now) {
        return new Tool(id, version + 1, slug, name, vendor, category, tagline, description, license, newStatus,
                createdAt, now);
    }

    ToolEvent toEvent() {
        return new ToolEvent(id, version, slug, name, vendor, category, tagline, description, license, status,
                updatedAt);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
