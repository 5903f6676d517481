package dev.toolverdicts.comparison.tool;

import java.time.Instant;
import java.util.UUID;

/** The catalog facts of one tool as the projection last applied them. */
record ToolView(
        UUID toolId,
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        long catalogVersion,
        Instant changedAt) {
}
