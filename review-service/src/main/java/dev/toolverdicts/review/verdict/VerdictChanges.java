package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.outbox.Outbox;
import dev.toolverdicts.review.reviewer.Reviewer;
import dev.toolverdicts.publishedtools.PublishedTool;
import org.springframework.stereotype.Component;

/**
 * Records each new state of a verdict as a {@code review.verdict.v1} event in the outbox, inside the write's
 * transaction, keyed by the tool id so one tool's verdicts stay in order on one partition.
 */
@Component
class VerdictChanges {

    private final Outbox outbox;

    VerdictChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    void recorded(Verdict verdict, PublishedTool tool, Reviewer reviewer) {
        outbox.append(EventTypes.REVIEW_VERDICT, verdict.toEvent(tool, reviewer));
    }
}
