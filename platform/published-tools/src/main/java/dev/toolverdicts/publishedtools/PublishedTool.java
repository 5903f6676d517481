package dev.toolverdicts.publishedtools;

import dev.toolverdicts.events.catalog.ToolStatus;
import java.util.UUID;

/** A catalog tool as a consuming service knows it: which one it is, its slug, its status and catalog version. */
public record PublishedTool(UUID toolId, String slug, ToolStatus status, long catalogVersion) {

    /** Only a published tool takes votes and verdicts; drafts and archived tools are known but closed. */
    public boolean published() {
        return status == ToolStatus.PUBLISHED;
    }
}
