package dev.toolverdicts.comparison.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * How far a rebuild is: per source topic, records replayed of the total that existed when it started (from the
 * beginning offsets to the end offsets taken at the start), and records that could not be read or applied.
 */
public record RebuildProgress(
        int generation,
        String schema,
        State state,
        Instant startedAt,
        Instant finishedAt,
        List<TopicProgress> topics,
        String failure) {

    public enum State {
        RUNNING,
        SWAPPED,
        FAILED
    }

    /** One topic's share of the replay. */
    public record TopicProgress(String topic, long applied, long total, long unreadable, long failed) {
    }
}
