package dev.toolverdicts.review.verdict;

/** What one entry of a verdict's history did. */
enum RevisionKind {
    SUBMITTED,
    REVISED,
    WITHDRAWN,
    RESUBMITTED
}
