package dev.toolverdicts.newsletter.feed;

/** A tool's community tally at the start and the end of one week. */
public record TallyWeek(String toolSlug, String toolName, long openShip, long openSkip, long closeShip,
        long closeSkip) {

    public long openVotes() {
        return openShip + openSkip;
    }

    public long closeVotes() {
        return closeShip + closeSkip;
    }

    /** SHIP share at the start of the week in percent (0 without votes). */
    public int openPercent() {
        return percent(openShip, openVotes());
    }

    public int closePercent() {
        return percent(closeShip, closeVotes());
    }

    private static int percent(long ship, long total) {
        return total == 0 ? 0 : (int) Math.round(100.0 * ship / total);
    }
}
