package dev.toolverdicts.comparison.store;

/** Published when another generation starts serving, so that anything held in memory for the old one is dropped. */
public record ActiveGenerationChanged(ViewGeneration active) {
}
