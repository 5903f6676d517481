package dev.toolverdicts.events.review;

/** Whether a verdict currently counts for its tool (SUBMITTED) or was taken back by its reviewer (WITHDRAWN). */
public enum VerdictStatus {
    SUBMITTED,
    WITHDRAWN
}
