package dev.toolverdicts.comparison.community;

/** The community votes on one tool as last applied: counted SHIP and SKIP, flagged ones among them, and the version. */
public record CommunityTally(long ship, long skip, long flagged, long version) {

    public static final CommunityTally NONE = new CommunityTally(0, 0, 0, 0);

    public long total() {
        return ship + skip;
    }
}
