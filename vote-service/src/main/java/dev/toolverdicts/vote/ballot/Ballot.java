package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.vote.tally.TallyDelta;
import java.time.Instant;
import java.util.UUID;

/**
 * The current vote of one member on one tool. A flagged ballot counts until an admin decides; a rejected one is kept
 * but no longer counts.
 */
record Ballot(UUID toolId, String memberId, Choice choice, Long flagId, boolean flagged, boolean rejected,
        Instant castAt, Instant updatedAt) {

    static Ballot cast(UUID toolId, String memberId, Choice choice, Instant now) {
        return new Ballot(toolId, memberId, choice, null, false, false, now, now);
    }

    Ballot changedTo(Choice newChoice, Instant now) {
        return new Ballot(toolId, memberId, newChoice, flagId, flagged, rejected, castAt, now);
    }

    Ballot flaggedAs(long newFlagId) {
        return new Ballot(toolId, memberId, choice, newFlagId, true, rejected, castAt, updatedAt);
    }

    Ballot resolved(boolean reject) {
        return new Ballot(toolId, memberId, choice, flagId, false, reject, castAt, updatedAt);
    }

    /** What this ballot adds to its tool's tally. */
    TallyDelta contribution() {
        if (rejected) {
            return TallyDelta.NONE;
        }
        return new TallyDelta(choice == Choice.SHIP ? 1 : 0, choice == Choice.SKIP ? 1 : 0, flagged ? 1 : 0);
    }

    static TallyDelta contribution(Ballot ballot) {
        return ballot == null ? TallyDelta.NONE : ballot.contribution();
    }
}
