package dev.toolverdicts.newsletter.feed;

import java.time.Instant;

/** A logged change with the current names of the tools it is about (a slug stands in for a tool not seen yet). */
public record LoggedChange(ChangeKind kind, Instant occurredAt, String toolSlug, String toolName, String vendor,
        String category, String tagline, String otherToolSlug, String otherToolName, String headline,
        String reviewerName, String lens, String fromVerdict, String toVerdict, String take) {
}
