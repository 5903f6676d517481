package dev.toolverdicts.events;

/**
 * The names of the Kafka topics of the published contract; every topic is keyed by the id of the aggregate it is
 * about. Producers and topic declarations reach them through {@link EventTypes} ({@code EventTypes.X.topic()}); the
 * constants are here because annotations such as {@code @KafkaListener(topics = ...)} need compile-time constants.
 */
public final class Topics {

    /** Whole state of a catalog tool, keyed by tool id; compacted. */
    public static final String CATALOG_TOOL = "catalog.tool.v1";

    /** Whole state of an editorial matchup ("A vs B"), keyed by matchup id; compacted. */
    public static final String CATALOG_MATCHUP = "catalog.matchup.v1";

    /** Whole community tally of a tool (ship, skip, flagged), keyed by tool id; compacted. */
    public static final String VOTE_TALLY = "vote.tally.v1";

    /** Whole state of a panel reviewer, keyed by reviewer id; compacted. */
    public static final String REVIEW_REVIEWER = "review.reviewer.v1";

    /**
     * Whole state of one reviewer's verdict on one tool, keyed by tool id so one tool's verdicts stay in order.
     * Not compacted: compaction keeps one record per key, which would drop all but one verdict of each tool;
     * it is kept forever instead (verdicts are few).
     */
    public static final String REVIEW_VERDICT = "review.verdict.v1";

    /** A comparison view (of a tool or a matchup) changed, keyed by tool id or matchup id; compacted. */
    public static final String COMPARISON_VIEW = "comparison.view.v1";

    /** Whole state of a weekly newsletter issue (sending, sent with counts, or quiet), keyed by ISO week; compacted. */
    public static final String NEWSLETTER_ISSUE = "newsletter.issue.v1";

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    /** Where a consumer parks records of {@code topic} that it cannot apply. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
