package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.events.catalog.MatchupStatus;
import java.time.Instant;
import java.util.UUID;

/** A matchup as the catalog API shows it, with both tools' current slugs and names. */
record MatchupResponse(
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

    static MatchupResponse of(Matchup m) {
        return new MatchupResponse(m.id(), m.version(), m.slug(), m.toolA(), m.toolB(), m.headline(), m.status(),
                m.publishedAt(), m.createdAt(), m.updatedAt());
    }
}
