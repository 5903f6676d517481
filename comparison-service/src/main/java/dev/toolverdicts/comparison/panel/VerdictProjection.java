package dev.toolverdicts.comparison.panel;

import dev.toolverdicts.comparison.ingest.Projection;
import dev.toolverdicts.comparison.ingest.ViewChanges;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.review.VerdictEvent;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A verdict event changes its tool's view (and so the views of the matchups that show the tool). */
@Component
class VerdictProjection implements Projection<VerdictEvent> {

    private final PanelRows rows;

    VerdictProjection(PanelRows rows) {
        this.rows = rows;
    }

    @Override
    public EventType<VerdictEvent> type() {
        return EventTypes.REVIEW_VERDICT;
    }

    @Override
    public ViewChanges apply(ViewSchema schema, VerdictEvent event) {
        return rows.apply(schema, event) ? ViewChanges.tool(event.toolId()) : ViewChanges.NONE;
    }

    @Override
    public Instant changedAt(VerdictEvent event) {
        return event.changedAt();
    }
}
