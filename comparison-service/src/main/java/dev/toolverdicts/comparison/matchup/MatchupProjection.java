package dev.toolverdicts.comparison.matchup;

import dev.toolverdicts.comparison.ingest.Projection;
import dev.toolverdicts.comparison.ingest.ViewChanges;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.catalog.MatchupEvent;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A matchup event changes that matchup's view (its slug may change, so its cached views go with it). */
@Component
class MatchupProjection implements Projection<MatchupEvent> {

    private final MatchupRows rows;

    MatchupProjection(MatchupRows rows) {
        this.rows = rows;
    }

    @Override
    public EventType<MatchupEvent> type() {
        return EventTypes.CATALOG_MATCHUP;
    }

    @Override
    public ViewChanges apply(ViewSchema schema, MatchupEvent event) {
        return rows.apply(schema, event) ? ViewChanges.catalogMatchup(event.matchupId()) : ViewChanges.NONE;
    }

    @Override
    public Instant changedAt(MatchupEvent event) {
        return event.changedAt();
    }

    @Override
    public boolean wide() {
        return true;
    }
}
