package dev.toolverdicts.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * The whole state of one catalog tool after a change (event-carried state). {@code version} grows by one per
 * change, so a consumer applies an event only when it is newer than what it holds. Within v1, fields may only
 * be added, and only as optional ones.
 */
public record ToolEvent(
        UUID toolId,
        long version,
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        ToolStatus status,
        Instant changedAt) {
}
