package dev.toolverdicts.events.comparison;

import java.time.Instant;
import java.util.UUID;

/**
 * A comparison view changed: the verdict view of one tool, or the view of one editorial matchup. Keyed by the view's
 * id (tool id or matchup id), so a key's changes stay in order; a notification, not the view itself: readers fetch
 * the view by {@code slug} from the comparison read API. {@code removed} says the view is gone (tool or matchup
 * archived). {@code cause} is the topic whose event changed it, {@code sourceChangedAt} when that change happened in
 * its source service. Within v1, fields may only be added, and only as optional ones.
 */
public record ViewChangedEvent(
        Kind kind,
        UUID viewId,
        String slug,
        boolean removed,
        String cause,
        Instant sourceChangedAt,
        Instant changedAt) {

    /** Which kind of view changed. */
    public enum Kind {
        TOOL,
        MATCHUP
    }
}
