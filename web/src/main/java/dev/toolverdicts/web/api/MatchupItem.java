package dev.toolverdicts.web.api;

import java.time.Instant;
import java.util.List;

/** One editorial matchup as a list shows it. */
public record MatchupItem(String slug, String headline, Instant publishedAt, List<Side> tools) {

    /** One side of a matchup. */
    public record Side(String slug, String name) {
    }
}
