package dev.toolverdicts.events.review;

import java.time.Instant;
import java.util.UUID;

/**
 * The whole state of one reviewer's verdict on one tool after a change, keyed by tool id so that all verdicts of a
 * tool stay in order on one partition; apply by {@code verdictId} and {@code version}. A withdrawn verdict has
 * status WITHDRAWN and no {@code verdict}, {@code take} or {@code modelVersion}. {@code revisionCount} is the number
 * of entries in the verdict's revision history (the first submission included). The reviewer's name and lens are
 * copied in, and a reviewer change that alters them republishes the reviewer's verdicts with a new version.
 * Within v1, fields may only be added, and only as optional ones.
 */
public record VerdictEvent(
        UUID verdictId,
        long version,
        UUID toolId,
        String toolSlug,
        UUID reviewerId,
        String reviewerDisplayName,
        Lens lens,
        ShipOrSkip verdict,
        String take,
        String modelVersion,
        VerdictStatus status,
        int revisionCount,
        Instant changedAt) {
}
