package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.review.ShipOrSkip;

/** The part of a verdict its reviewer writes; null call and take mean "withdrawn". */
record VerdictContent(ShipOrSkip verdict, String take, String modelVersion) {

    static final VerdictContent NONE = new VerdictContent(null, null, null);
}
