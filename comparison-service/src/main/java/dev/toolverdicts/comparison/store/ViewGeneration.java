package dev.toolverdicts.comparison.store;

import java.time.Instant;

/** One generation of the read model: its schema and whether it serves (ACTIVE), is being rebuilt, or is retired. */
public record ViewGeneration(int id, ViewSchema schema, State state, Instant startedAt, Instant finishedAt) {

    public enum State {
        BUILDING,
        ACTIVE,
        RETIRED,
        FAILED
    }

    public boolean active() {
        return state == State.ACTIVE;
    }
}
