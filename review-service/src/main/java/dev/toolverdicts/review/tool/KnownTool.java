package dev.toolverdicts.review.tool;

import dev.toolverdicts.events.catalog.ToolStatus;
import java.util.UUID;

/** A catalog tool as far as reviews need it: which one it is, its slug, and whether it takes verdicts. */
public record KnownTool(UUID toolId, String slug, ToolStatus status, long catalogVersion) {

    public boolean takesVerdicts() {
        return status == ToolStatus.PUBLISHED;
    }
}
