package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Records each new state of a matchup as a {@code catalog.matchup.v1} event in the outbox, inside the write's transaction. */
@Component
class MatchupChanges {

    private final Outbox outbox;

    MatchupChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    void recorded(Matchup matchup) {
        outbox.append(EventTypes.CATALOG_MATCHUP, matchup.toEvent());
    }
}
