package dev.toolverdicts.comparison.feed;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.comparison.ViewChangedEvent;
import dev.toolverdicts.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Announces changed views on {@code comparison.view.v1}, keyed by tool id or matchup id, through the outbox: the
 * announcement commits with the change of the view, or not at all.
 */
@Component
public class ViewChangeFeed {

    private final Outbox outbox;

    ViewChangeFeed(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Appends one event per changed view in the caller's transaction. */
    public void record(List<ViewKey> keys, String cause, Instant sourceChangedAt, Instant now) {
        List<ViewChangedEvent> events = keys.stream()
                .map(key -> new ViewChangedEvent(key.kind(), key.id(), key.slug(), key.removed(), cause,
                        sourceChangedAt, now))
                .toList();
        for (ViewChangedEvent event : events) {
            outbox.append(EventTypes.COMPARISON_VIEW, event);
        }
    }
}
