package dev.toolverdicts.events.vote;

import java.time.Instant;
import java.util.UUID;

/**
 * The whole community tally of one tool after a change (event-carried state): counted SHIP and SKIP votes and how
 * many of them are flagged for an admin. {@code version} grows by one per change of this tool's tally, so a
 * consumer applies an event only when it is newer than what it holds; redelivery, replay and compaction are then
 * harmless. Within v1, fields may only be added, and only as optional ones.
 */
public record VoteTallyEvent(
        UUID toolId,
        long version,
        String slug,
        long ship,
        long skip,
        long flagged,
        Instant changedAt) {
}
