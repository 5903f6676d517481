package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.review.ShipOrSkip;
import java.time.Instant;
import java.util.UUID;

/** One entry of a verdict's history, numbered from 1 (the first submission); what it was before and after. */
record Revision(
        UUID verdictId,
        int number,
        RevisionKind kind,
        ShipOrSkip oldVerdict,
        ShipOrSkip newVerdict,
        String oldTake,
        String newTake,
        String oldModelVersion,
        String newModelVersion,
        Instant changedAt) {

    static Revision between(Verdict before, Verdict after, RevisionKind kind) {
        VerdictContent old = before == null ? VerdictContent.NONE : before.content();
        VerdictContent now = after.content();
        return new Revision(after.id(), after.revisionCount(), kind, old.verdict(), now.verdict(), old.take(),
                now.take(), old.modelVersion(), now.modelVersion(), after.updatedAt());
    }
}
