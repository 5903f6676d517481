package dev.toolverdicts.events.review;

import java.time.Instant;
import java.util.UUID;

/**
 * The whole state of one panel reviewer after a change, keyed by reviewer id. {@code version} grows by one per
 * change; an inactive reviewer stays on the topic with {@code active = false}. Within v1, fields may only be
 * added, and only as optional ones.
 */
public record ReviewerEvent(
        UUID reviewerId,
        long version,
        String displayName,
        Lens lens,
        String bio,
        String disclosure,
        boolean active,
        Instant changedAt) {
}
