package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.publishedtools.PublishedTool;

/** What one request asks of its tool's ballots; run by a batch, in the batch's transaction, under its own savepoint. */
@FunctionalInterface
interface BallotChange {

    StagedChange stage(PublishedTool tool);
}
