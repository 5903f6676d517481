package dev.toolverdicts.vote.ballot;

/**
 * The member's ballot on this tool was created by another transaction (another instance) while this change ran: the
 * change is tried again in a later batch, which sees that ballot.
 */
final class ConcurrentBallot extends RuntimeException {

    ConcurrentBallot() {
        super("the ballot was created concurrently", null, false, false);
    }
}
