package dev.toolverdicts.vote.tally;

/** A tool's community tally as the public API shows it; {@code flagged} votes are counted, but await an admin. */
public record TallyResponse(String tool, long ship, long skip, long flagged, long version) {

    public static TallyResponse of(String slug, Tally tally) {
        return new TallyResponse(slug, tally.ship(), tally.skip(), tally.flagged(), tally.version());
    }
}
