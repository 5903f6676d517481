package dev.toolverdicts.vote.tally;

/**
 * The exact community counts of one tool; {@code version} grows by one per change of the tally, and one committed
 * batch of votes (see the ballot box) is one change.
 */
public record Tally(long ship, long skip, long flagged, long version) {

    static final Tally EMPTY = new Tally(0, 0, 0, 0);
}
