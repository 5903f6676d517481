package dev.toolverdicts.comparison.matchup;

import dev.toolverdicts.comparison.compare.ComparisonSummary;
import dev.toolverdicts.comparison.compare.ScorecardRow;
import dev.toolverdicts.comparison.tool.ToolVerdictView;
import java.time.Instant;
import java.util.List;

/** The answer of an "A vs B" page: the editorial headline, both tools side by side, the scorecard and the summary. */
public record MatchupView(
        String slug,
        String headline,
        Instant publishedAt,
        long matchupVersion,
        List<ToolVerdictView> tools,
        List<ScorecardRow> scorecard,
        ComparisonSummary summary) {
}
