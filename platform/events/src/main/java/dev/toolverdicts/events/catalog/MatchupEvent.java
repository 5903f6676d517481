package dev.toolverdicts.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * The whole state of one editorial matchup ("A vs B") after a change, keyed by matchup id. {@code version} grows by
 * one per change; {@code publishedAt} is set when it was first published. The tools are named by id (the key of
 * {@code catalog.tool.v1}) with their slugs at the time of the change. Within v1, fields may only be added, and only
 * as optional ones.
 */
public record MatchupEvent(
        UUID matchupId,
        long version,
        String slug,
        UUID toolAId,
        String toolASlug,
        UUID toolBId,
        String toolBSlug,
        String headline,
        MatchupStatus status,
        Instant publishedAt,
        Instant changedAt) {
}
