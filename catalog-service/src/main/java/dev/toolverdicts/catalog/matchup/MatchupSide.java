package dev.toolverdicts.catalog.matchup;

import java.util.UUID;

/** One tool of a matchup as it is shown: its id, current slug and name. */
record MatchupSide(UUID id, String slug, String name) {
}
