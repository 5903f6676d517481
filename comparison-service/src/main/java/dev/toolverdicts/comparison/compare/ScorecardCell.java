package dev.toolverdicts.comparison.compare;

import dev.toolverdicts.events.review.ShipOrSkip;

/** One reviewer's current call on one tool of a comparison; empty (nulls) when they have no current verdict on it. */
public record ScorecardCell(String tool, ShipOrSkip verdict, String take, Integer revisionCount) {
}
