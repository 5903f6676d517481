package dev.toolverdicts.newsletter.feed;

/** The kinds of "what changed" a digest reports, in the order a digest shows them. */
public enum ChangeKind {
    NEW_MATCHUP,
    VERDICT_FLIP,
    NEW_VERDICT,
    COMMUNITY_SWING,
    NEW_TOOL
}
