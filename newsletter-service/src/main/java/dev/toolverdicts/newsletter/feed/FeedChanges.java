package dev.toolverdicts.newsletter.feed;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of changes a digest is built from, written by the feed handlers in the same transaction as their copy.
 * Each change has a key derived from its event (e.g. verdict id and version), so redelivery adds nothing.
 */
@Repository
class FeedChanges {

    private final JdbcClient jdbc;

    FeedChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One change as it goes into the log; unused fields are null. */
    record Change(String dedupeKey, ChangeKind kind, Instant occurredAt, UUID toolId, String toolSlug,
            UUID otherToolId, String otherToolSlug, String headline, String reviewerName, String lens,
            String fromVerdict, String toVerdict, String take) {
    }

    void record(Change change) {
        jdbc.sql("""
                        insert into feed_change (dedupe_key, kind, occurred_at, tool_id, tool_slug, other_tool_id,
                                                 other_tool_slug, headline, reviewer_name, lens, from_verdict,
                                                 to_verdict, take)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (dedupe_key) do nothing""")
                .params(change.dedupeKey(), change.kind().name(), Timestamp.from(change.occurredAt()),
                        change.toolId(), change.toolSlug(), change.otherToolId(), change.otherToolSlug(),
                        change.headline(), change.reviewerName(), change.lens(), change.fromVerdict(),
                        change.toVerdict(), change.take())
                .update();
    }
}
