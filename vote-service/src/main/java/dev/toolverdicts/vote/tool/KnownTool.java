package dev.toolverdicts.vote.tool;

import java.util.UUID;

/** A tool as vote-service knows it from the catalog: enough to accept votes on it and to name it in events. */
public record KnownTool(UUID id, String slug, long catalogVersion) {
}
