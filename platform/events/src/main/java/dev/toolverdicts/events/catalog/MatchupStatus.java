package dev.toolverdicts.events.catalog;

/** Lifecycle of an editorial matchup: only PUBLISHED matchups are shown. */
public enum MatchupStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
