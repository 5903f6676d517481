package dev.toolverdicts.web.api;

import java.time.Instant;

/** A verdict as review-service shows it, with its version for {@code If-Match}. */
public record Verdict(String id, String toolSlug, String reviewerId, String reviewerDisplayName, String lens,
        String verdict, String take, String modelVersion, String status, int revisionCount, long version,
        Instant updatedAt) {

    public boolean withdrawn() {
        return "WITHDRAWN".equals(status);
    }
}
