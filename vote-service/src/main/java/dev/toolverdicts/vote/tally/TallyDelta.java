package dev.toolverdicts.vote.tally;

/** How one change moves a tool's tally: each count by -1, 0 or +1 (or more, for a batch). */
public record TallyDelta(long ship, long skip, long flagged) {

    public static final TallyDelta NONE = new TallyDelta(0, 0, 0);

    public TallyDelta minus(TallyDelta other) {
        return new TallyDelta(ship - other.ship, skip - other.skip, flagged - other.flagged);
    }

    public TallyDelta plus(TallyDelta other) {
        return new TallyDelta(ship + other.ship, skip + other.skip, flagged + other.flagged);
    }

    public boolean isNone() {
        return ship == 0 && skip == 0 && flagged == 0;
    }
}
