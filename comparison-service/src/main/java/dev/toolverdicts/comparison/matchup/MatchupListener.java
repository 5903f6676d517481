package dev.toolverdicts.comparison.matchup;

import dev.toolverdicts.comparison.ingest.ProjectionApplier;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.MatchupEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies {@code catalog.matchup.v1}; offsets are committed after the row is written, the version guard does the rest. */
@Component
class MatchupListener {

    private final ProjectionApplier applier;

    MatchupListener(ProjectionApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "catalog-matchup-projection", topics = Topics.CATALOG_MATCHUP)
    void on(MatchupEvent event) {
        applier.apply(event);
    }
}
