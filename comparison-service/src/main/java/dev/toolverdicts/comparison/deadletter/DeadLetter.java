package dev.toolverdicts.comparison.deadletter;

import java.time.Instant;

/** One parked record, as an admin needs to see it before replaying it: where it is, where it came from, and why. */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        String key,
        String ceType,
        String ceId,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String exception,
        Instant parkedAt) {
}
