package dev.toolverdicts.comparison.ingest;

import java.util.Set;
import java.util.UUID;

/**
 * What one applied event changed: the tools and matchups whose views now read differently, and whether it changed
 * something many views share (a tool's catalog facts or slug, a reviewer's name or lens), so that every cached view
 * must go.
 */
public record ViewChanges(boolean applied, Set<UUID> tools, Set<UUID> matchups, boolean wide) {

    public static final ViewChanges NONE = new ViewChanges(false, Set.of(), Set.of(), false);

    public static ViewChanges tool(UUID toolId) {
        return new ViewChanges(true, Set.of(toolId), Set.of(), false);
    }

    public static ViewChanges catalogTool(UUID toolId) {
        return new ViewChanges(true, Set.of(toolId), Set.of(), true);
    }

    public static ViewChanges catalogMatchup(UUID matchupId) {
        return new ViewChanges(true, Set.of(), Set.of(matchupId), true);
    }

    public static ViewChanges roster(Set<UUID> tools) {
        return new ViewChanges(true, Set.copyOf(tools), Set.of(), true);
    }
}
