package dev.toolverdicts.vote.tally;

import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import dev.toolverdicts.outbox.Outbox;
import dev.toolverdicts.publishedtools.PublishedTool;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a tool's tally and records its whole new state as a {@code vote.tally.v1} event in the outbox, both in the
 * caller's transaction: the tally row lock orders the outbox rows of one tool in commit order. A batch of votes moves
 * it once by their summed delta: one new version and one event for the whole batch.
 */
@Component
public class TallyBook {

    private final TallyRepository tallies;
    private final Outbox outbox;
    private final Clock clock;

    TallyBook(TallyRepository tallies, Outbox outbox, Clock clock) {
        this.tallies = tallies;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies a non-empty delta and publishes the result; an empty delta changes nothing and publishes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Tally record(PublishedTool tool, TallyDelta delta) {
        if (delta.isNone()) {
            return tallies.find(tool.toolId());
        }
        Tally tally = tallies.add(tool.toolId(), delta);
        VoteTallyEvent event = new VoteTallyEvent(tool.toolId(), tally.version(), tool.slug(), tally.ship(), tally.skip(),
                tally.flagged(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        outbox.append(EventTypes.VOTE_TALLY, event);
        return tally;
    }

    public Tally current(PublishedTool tool) {
        return tallies.find(tool.toolId());
    }
}
