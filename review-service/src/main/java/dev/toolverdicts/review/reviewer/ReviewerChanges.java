package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.outbox.Outbox;
import dev.toolverdicts.outbox.OutboxMessage;
import org.springframework.stereotype.Component;

/** Records each new state of a reviewer as a {@code review.reviewer.v1} event in the outbox, inside the write's transaction. */
@Component
class ReviewerChanges {

    private final Outbox outbox;

    ReviewerChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    void recorded(Reviewer reviewer) {
        String key = reviewer.id().toString();
        outbox.append(new OutboxMessage(EventTypes.REVIEW_REVIEWER.topic(), key, EventTypes.REVIEW_REVIEWER.name(),
                key, EventCodec.encode(reviewer.toEvent())));
    }
}
