package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.publishedtools.PublishedTool;

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

    static BallotChange ofMember(String memberId, BallotChange change) {
        return new BallotChange() {
            @Override
            public StagedChange stage(PublishedTool tool) {
                return change.stage(tool);
            }

            @Override
            public String memberId() {
                return memberId;
            }
        };
    }
}
