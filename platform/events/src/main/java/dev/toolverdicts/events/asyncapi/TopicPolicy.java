package dev.toolverdicts.events.asyncapi;

import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import java.util.Map;
import java.util.Optional;

/**
 * What the AsyncAPI document says of each topic beyond its records: what the key is and how the broker keeps the
 * topic. The cleanup policies are those of the topic declarations ({@code deploy/k8s/base/kafka/topics.yaml}; a test
 * holds the two together): compacted where each event carries an aggregate's whole state, kept whole where a key
 * has several live aggregates (a tool's verdicts).
 */
record TopicPolicy(String key, String keyFormat, String cleanupPolicy) {

    private static final Map<String, TopicPolicy> BY_TYPE = Map.of(
            EventTypes.CATALOG_TOOL.name(), new TopicPolicy("the tool id", "uuid", "compact"),
            EventTypes.CATALOG_MATCHUP.name(), new TopicPolicy("the matchup id", "uuid", "compact"),
            EventTypes.REVIEW_REVIEWER.name(), new TopicPolicy("the reviewer id", "uuid", "compact"),
            EventTypes.REVIEW_VERDICT.name(), new TopicPolicy(
                    "the tool id (one tool's verdicts stay in order)", "uuid", "delete"),
            EventTypes.VOTE_TALLY.name(), new TopicPolicy("the tool id", "uuid", "compact"),
            EventTypes.COMPARISON_VIEW.name(), new TopicPolicy("the view id (tool id or matchup id)", "uuid",
                    "compact"),
            EventTypes.NEWSLETTER_ISSUE.name(), new TopicPolicy("the ISO week, e.g. 2026-W48", null, "compact"));

    static Optional<TopicPolicy> of(EventType<?> type) {
        return Optional.ofNullable(BY_TYPE.get(type.name()));
    }

    boolean compacted() {
        return "compact".equals(cleanupPolicy);
    }
}
