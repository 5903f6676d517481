package dev.toolverdicts.review.reviewer;

/**
 * Published inside the transaction of a reviewer change that alters how the reviewer shows on verdicts (name or
 * lens), so the verdicts, which carry both in their events, can be republished in the same transaction.
 */
public record ReviewerChanged(Reviewer reviewer) {
}
