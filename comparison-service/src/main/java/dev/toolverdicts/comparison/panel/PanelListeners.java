package dev.toolverdicts.comparison.panel;

import dev.toolverdicts.comparison.ingest.ProjectionApplier;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.review.ReviewerEvent;
import dev.toolverdicts.events.review.VerdictEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@code review.verdict.v1} and {@code review.reviewer.v1}. Offsets are committed only after the rows are
 * written, and the version guards make redelivery and replay harmless; poison goes to {@code <topic>.DLT}.
 */
@Component
class PanelListeners {

    private final ProjectionApplier applier;

    PanelListeners(ProjectionApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "review-verdict-projection", topics = Topics.REVIEW_VERDICT)
    void on(VerdictEvent event) {
        applier.apply(event);
    }

    @KafkaListener(id = "review-reviewer-projection", topics = Topics.REVIEW_REVIEWER)
    void on(ReviewerEvent event) {
        applier.apply(event);
    }
}
