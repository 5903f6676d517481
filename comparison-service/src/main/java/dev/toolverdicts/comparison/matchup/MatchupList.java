package dev.toolverdicts.comparison.matchup;

import java.time.Instant;
import java.util.List;

/** A page of matchups, latest published first. */
public record MatchupList(int total, int offset, int limit, List<Item> items) {

    /** One matchup as a list shows it. */
    public record Item(String slug, String headline, Instant publishedAt, List<MatchupTool> tools) {
    }
}
