package dev.toolverdicts.comparison.community;

import dev.toolverdicts.comparison.ingest.Projection;
import dev.toolverdicts.comparison.ingest.ViewChanges;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.vote.VoteTallyEvent;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A tally event changes its tool's community share (and so the views of the matchups that show the tool). */
@Component
class TallyProjection implements Projection<VoteTallyEvent> {

    private final CommunityTallies tallies;

    TallyProjection(CommunityTallies tallies) {
        this.tallies = tallies;
    }

    @Override
    public EventType<VoteTallyEvent> type() {
        return EventTypes.VOTE_TALLY;
    }

    @Override
    public ViewChanges apply(ViewSchema schema, VoteTallyEvent event) {
        return tallies.apply(schema, event) ? ViewChanges.tool(event.toolId()) : ViewChanges.NONE;
    }

    @Override
    public Instant changedAt(VoteTallyEvent event) {
        return event.changedAt();
    }

    /** A tally event carries its tool's whole tally, applied only over an older version. */
    @Override
    public Object coalescingKey(VoteTallyEvent event) {
        return event.toolId();
    }

    @Override
    public long version(VoteTallyEvent event) {
        return event.version();
    }
}
