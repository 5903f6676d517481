package dev.toolverdicts.comparison.community;

import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@code vote.tally.v1} to the community tallies. The offset is committed only after the row is written, and
 * the version guard makes redelivery and replay harmless; poison goes to {@code vote.tally.v1.DLT}.
 */
@Component
class VoteTallyListener {

    private final CommunityTallies tallies;
    private final Clock clock;
    private final Counter applied;
    private final Counter stale;
    private final Timer freshness;

    VoteTallyListener(CommunityTallies tallies, Clock clock, MeterRegistry meters) {
        this.tallies = tallies;
        this.clock = clock;
        this.applied = projectionEvents(meters, "applied");
        this.stale = projectionEvents(meters, "stale");
        this.freshness = Timer.builder("projection.freshness")
                .description("From the change in its source service to applied in the view")
                .tag("topic", Topics.VOTE_TALLY)
                .publishPercentileHistogram()
                .register(meters);
    }

    @KafkaListener(id = "vote-tally-projection", topics = Topics.VOTE_TALLY)
    void on(VoteTallyEvent event) {
        Instant now = clock.instant();
        if (tallies.apply(event, now)) {
            applied.increment();
            freshness.record(Duration.between(event.changedAt(), now));
        } else {
            stale.increment();
        }
    }

    private static Counter projectionEvents(MeterRegistry meters, String outcome) {
        return Counter.builder("projection.events")
                .description("Events the projection received, by whether they changed the view")
                .tag("topic", Topics.VOTE_TALLY)
                .tag("outcome", outcome)
                .register(meters);
    }
}
