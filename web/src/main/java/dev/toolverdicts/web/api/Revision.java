package dev.toolverdicts.web.api;

import java.time.Instant;

/** One entry of a verdict's history. */
public record Revision(int number, String kind, String oldVerdict, String newVerdict, String oldTake, String newTake,
        Instant changedAt) {
}
