package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.publishedtools.PublishedTool;
import dev.toolverdicts.vote.idempotency.IdempotentRequests;
import java.util.function.Function;

/** What one request asks of its tool's ballots; run by a batch, in the batch's transaction, under its own savepoint. */
@FunctionalInterface
interface BallotChange {

    StagedChange stage(PublishedTool tool);

    /**
     * The member whose ballot this change reads and writes, so that its batch reads all its members' ballots in one
     * statement; null when not known (the change then reads its ballot itself).
     */
    default String memberId() {
        return null;
    }

    /** The keyed request this change claims first, so that its batch claims all of them in one statement; or null. */
    default IdempotentRequests.Request claim(PublishedTool tool) {
        return null;
    }

    static BallotChange ofMember(String memberId, Function<PublishedTool, IdempotentRequests.Request> claim,
            BallotChange change) {
        return new BallotChange() {
            @Override
            public StagedChange stage(PublishedTool tool) {
                return change.stage(tool);
            }

            @Override
            public String memberId() {
                return memberId;
            }

            @Override
            public IdempotentRequests.Request claim(PublishedTool tool) {
                return claim.apply(tool);
            }
        };
    }
}
