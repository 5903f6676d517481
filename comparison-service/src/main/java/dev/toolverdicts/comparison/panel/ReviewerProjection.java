package dev.toolverdicts.comparison.panel;

import dev.toolverdicts.comparison.ingest.Projection;
import dev.toolverdicts.comparison.ingest.ViewChanges;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.review.ReviewerEvent;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A reviewer event changes the panel roster and every tool view the reviewer has a verdict on. */
@Component
class ReviewerProjection implements Projection<ReviewerEvent> {

    private final PanelRows rows;

    ReviewerProjection(PanelRows rows) {
        this.rows = rows;
    }

    @Override
    public EventType<ReviewerEvent> type() {
        return EventTypes.REVIEW_REVIEWER;
    }

    @Override
    public ViewChanges apply(ViewSchema schema, ReviewerEvent event) {
        if (!rows.apply(schema, event)) {
            return ViewChanges.NONE;
        }
        return ViewChanges.roster(rows.toolsReviewedBy(schema, event.reviewerId()));
    }

    @Override
    public Instant changedAt(ReviewerEvent event) {
        return event.changedAt();
    }

    @Override
    public boolean wide() {
        return true;
    }
}
