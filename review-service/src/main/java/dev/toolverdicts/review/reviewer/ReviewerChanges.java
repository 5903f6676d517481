package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Records each new state of a reviewer as a {@code review.reviewer.v1} event in the outbox, inside the write's transaction. */
@Component
class ReviewerChanges {

    private final Outbox outbox;

    ReviewerChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    void recorded(Reviewer reviewer) {
        outbox.append(EventTypes.REVIEW_REVIEWER, reviewer.toEvent());
    }
}
