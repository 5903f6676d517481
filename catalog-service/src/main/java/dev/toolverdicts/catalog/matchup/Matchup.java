package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.events.catalog.MatchupEvent;
import dev.toolverdicts.events.catalog.MatchupStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * An editorial "A vs B" matchup of two distinct tools; every change makes a new value with the next version.
 * {@code publishedAt} is when it was first published.
 */
record Matchup(
        UUID id,
        long version,
        String slug,
        MatchupSide toolA,
        MatchupSide toolB,
        String headline,
        MatchupStatus status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** The slug of a matchup: the two tools' slugs joined by "-vs-". */
    static String slugOf(String toolASlug, String toolBSlug) {
        return toolASlug + "-vs-" + toolBSlug;
    }

    static Matchup draft(MatchupSide toolA, MatchupSide toolB, String headline, Instant now) {
        return new Matchup(UUID.randomUUID(), 1, slugOf(toolA.slug(), toolB.slug()), toolA, toolB, headline,
                MatchupStatus.DRAFT, null, now, now);
    }

    Matchup withHeadline(String newHeadline, Instant now) {
        return new Matchup(id, version + 1, slug, toolA, toolB, newHeadline, status, publishedAt, createdAt, now);
    }

    Matchup withStatus(MatchupStatus newStatus, Instant now) {
        Instant published = publishedAt == null && newStatus == MatchupStatus.PUBLISHED ? now : publishedAt;
        return new Matchup(id, version + 1, slug, toolA, toolB, headline, newStatus, published, createdAt, now);
    }

    MatchupEvent toEvent() {
        return new MatchupEvent(id, version, slug, toolA.id(), toolA.slug(), toolB.id(), toolB.slug(), headline,
                status, publishedAt, updatedAt);
    }
}
