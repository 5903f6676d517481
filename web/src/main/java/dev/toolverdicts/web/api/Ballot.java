package dev.toolverdicts.web.api;

/** A member's current community vote on a tool, with the tally right after it was cast. */
public record Ballot(String tool, String vote, Tally tally) {

    /** The tool's community tally. */
    public record Tally(long ship, long skip) {
    }
}
