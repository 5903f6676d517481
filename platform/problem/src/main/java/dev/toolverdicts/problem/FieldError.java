package dev.toolverdicts.problem;

/** One wrong field of a request: its JSON path (e.g. {@code tagline}, {@code facts.contextWindow}) and why. */
public record FieldError(String field, String message) {
}
