package dev.toolverdicts.comparison.ingest;

import java.util.List;

/**
 * A batch of events with the superseded ones left out: {@code events} in the batch's order, of each coalescing key
 * only its newest version, and for each event of the batch the index in {@code events} of the one that stands for it
 * (itself, or the newest of its key).
 */
public record Coalesced(List<Object> events, int[] winnerOf) {

    /** The number of events of the batch that another one of their key made redundant. */
    public int superseded() {
        return winnerOf.length - events.size();
    }
}
