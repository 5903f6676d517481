package dev.toolverdicts.comparison.compare;

import dev.toolverdicts.events.review.Lens;
import java.util.List;
import java.util.UUID;

/** One panel reviewer's row of the scorecard: their call and take on each compared tool, in the tools' order. */
public record ScorecardRow(UUID reviewerId, String reviewer, Lens lens, List<ScorecardCell> calls) {
}
