package dev.toolverdicts.publishedtools;

import dev.toolverdicts.events.catalog.ToolEvent;

/**
 * What a service does in the same transaction when a newer version of a tool landed in its copy (vote-service
 * creates the tool's empty tally row). Not called for duplicates and older versions.
 */
@FunctionalInterface
public interface ToolAppliedCallback {

    void applied(ToolEvent event);
}
