package dev.toolverdicts.comparison.matchup;

/** One side of a matchup as a list shows it. */
public record MatchupTool(String slug, String name) {
}
