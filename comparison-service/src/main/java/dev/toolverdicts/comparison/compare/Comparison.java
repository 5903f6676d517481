package dev.toolverdicts.comparison.compare;

import dev.toolverdicts.comparison.panel.PanelReviewer;
import dev.toolverdicts.comparison.tool.ToolVerdictView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tools side by side with the reviewer scorecard (one row per panel reviewer, whether or not they reviewed every
 * tool) and the derived summary. A pure function of the tool views and the roster.
 */
public record Comparison(List<ToolVerdictView> tools, List<ScorecardRow> scorecard, ComparisonSummary summary) {

    public static Comparison of(List<ToolVerdictView> tools, List<PanelReviewer> roster) {
        Map<UUID, PanelReviewer> reviewers = new LinkedHashMap<>();
        roster.forEach(reviewer -> reviewers.put(reviewer.reviewerId(), reviewer));
        tools.forEach(tool -> tool.reviewers().forEach(verdict ->
                reviewers.putIfAbsent(verdict.reviewerId(), verdict.panelReviewer())));
        List<ScorecardRow> scorecard = reviewers.values().stream().sorted(PanelReviewer.PANEL_ORDER)
                .map(reviewer -> new ScorecardRow(reviewer.reviewerId(), reviewer.reviewer(), reviewer.lens(),
                        tools.stream().map(tool -> cell(tool, reviewer.reviewerId())).toList()))
                .toList();
        return new Comparison(tools, scorecard, ComparisonSummary.of(tools));
    }

    private static ScorecardCell cell(ToolVerdictView tool, UUID reviewerId) {
        return tool.reviewers().stream().filter(v -> v.reviewerId().equals(reviewerId)).findFirst()
                .map(v -> new ScorecardCell(tool.slug(), v.verdict(), v.take(), v.revisionCount()))
                .orElseGet(() -> new ScorecardCell(tool.slug(), null, null, null));
    }
}
