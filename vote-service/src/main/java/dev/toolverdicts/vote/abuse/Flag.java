package dev.toolverdicts.vote.abuse;

import java.time.Instant;
import java.util.UUID;

/** A vote flagged for an admin, with the vote as it was when flagged and, once resolved, the decision. */
public record Flag(
        long id,
        UUID toolId,
        String slug,
        String memberId,
        String flaggedVote,
        String currentVote,
        String reason,
        Instant flaggedAt,
        Resolution resolution,
        String resolvedBy,
        Instant resolvedAt) {
}
