package dev.toolverdicts.web.api;

import java.util.List;

/**
 * Tools side by side with the reviewer scorecard and the summary, as comparison-service answers an ad-hoc
 * comparison; a matchup view carries the same parts plus its headline.
 */
public record Comparison(String slug, String headline, List<ToolView> tools, List<ScorecardRow> scorecard,
        Summary summary) {

    public Comparison {
        tools = tools == null ? List.of() : List.copyOf(tools);
        scorecard = scorecard == null ? List.of() : List.copyOf(scorecard);
    }

    /** One panel reviewer's row: their call and take on each compared tool, in the tools' order. */
    public record ScorecardRow(String reviewerId, String reviewer, String lens, List<Cell> calls) {
    }

    /** One reviewer's call on one tool; verdict and take are null when they have not judged it. */
    public record Cell(String tool, String verdict, String take, Integer revisionCount) {
    }

    /** The short reading of the comparison. */
    public record Summary(String panelLeansTo, String communityLeansTo, boolean panelAndCommunityAgree,
            List<String> disagreements, String text) {
    }
}
