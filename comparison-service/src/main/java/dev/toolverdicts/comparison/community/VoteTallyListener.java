package dev.toolverdicts.comparison.community;

import dev.toolverdicts.comparison.ingest.ProjectionApplier;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@code vote.tally.v1} to the community tallies. The offset is committed only after the row is written, and
 * the version guard makes redelivery and replay harmless; poison goes to {@code vote.tally.v1.DLT}.
 */
@Component
class VoteTallyListener {

    private final ProjectionApplier applier;

    VoteTallyListener(ProjectionApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "vote-tally-projection", topics = Topics.VOTE_TALLY)
    void on(VoteTallyEvent event) {
        applier.apply(event);
    }
}
