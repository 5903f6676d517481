package dev.toolverdicts.review.verdict;

import dev.toolverdicts.review.reviewer.ReviewerChanged;
import dev.toolverdicts.publishedtools.PublishedTools;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Verdict events carry the reviewer's name and lens; when either changes, every verdict of that reviewer is
 * republished with the next version, in the reviewer change's own transaction, taking tool locks in tool id order.
 */
@Component
class ReviewerVerdictsRepublisher {

    private final VerdictRepository verdicts;
    private final PublishedTools tools;
    private final VerdictChanges changes;
    private final Clock clock;

    ReviewerVerdictsRepublisher(VerdictRepository verdicts, PublishedTools tools, VerdictChanges changes,
            Clock clock) {
        this.verdicts = verdicts;
        this.tools = tools;
        this.changes = changes;
        this.clock = clock;
    }

    @EventListener
    void on(ReviewerChanged changed) {
        for (Verdict unlocked : verdicts.findAllByReviewer(changed.reviewer().id())) {
            verdicts.lockTool(unlocked.toolId());
            Verdict current = verdicts.findById(unlocked.id()).orElseThrow();
            Verdict next = current.republishedAt(clock.instant());
            if (!verdicts.update(next)) {
                throw new IllegalStateException("verdict " + current.id() + " changed under its tool lock");
            }
            changes.recorded(next, tools.findById(next.toolId()).orElseThrow(), changed.reviewer());
        }
    }
}
