package dev.toolverdicts.newsletter.feed;

import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.review.VerdictEvent;
import dev.toolverdicts.events.review.VerdictStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each panel verdict of {@code review.verdict.v1} and logs what a reader cares about: a new verdict, and a
 * flip between SHIP and SKIP with the reviewer and lens. A revised take with the same call is not news.
 */
@Component
class VerdictFeed implements EventHandler<VerdictEvent> {

    private final JdbcClient jdbc;
    private final FeedChanges changes;
    private final FeedFreshness freshness;

    VerdictFeed(JdbcClient jdbc, FeedChanges changes, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.freshness = new FeedFreshness(registry, clock, Topics.REVIEW_VERDICT);
    }

    private record Held(long version, String status, String verdict) {
    }

    @Override
    public EventType<VerdictEvent> type() {
        return EventTypes.REVIEW_VERDICT;
    }

    @Override
    @Transactional
    public boolean apply(VerdictEvent event) {
        Optional<Held> held = jdbc.sql(
                        "select review_version, status, verdict from feed_verdict where verdict_id = ? for update")
                .param(event.verdictId())
                .query((rs, row) -> new Held(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
        if (held.isPresent() && held.get().version() >= event.version()) {
            return false;
        }
        String verdict = event.verdict() == null ? null : event.verdict().name();
        jdbc.sql("""
                        insert into feed_verdict (verdict_id, tool_id, tool_slug, reviewer_name, lens, verdict, status,
                                                  review_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (verdict_id) do update
                           set tool_id = excluded.tool_id, tool_slug = excluded.tool_slug,
                               reviewer_name = excluded.reviewer_name, lens = excluded.lens,
                               verdict = excluded.verdict, status = excluded.status,
                               review_version = excluded.review_version""")
                .params(event.verdictId(), event.toolId(), event.toolSlug(), event.reviewerDisplayName(),
                        event.lens().name(), verdict, event.status().name(), event.version())
                .update();
        if (event.status() == VerdictStatus.SUBMITTED && verdict != null) {
            boolean wasCounting = held.isPresent() && VerdictStatus.SUBMITTED.name().equals(held.get().status())
                    && held.get().verdict() != null;
            if (!wasCounting) {
                record(event, ChangeKind.NEW_VERDICT, null, verdict);
            } else if (!held.get().verdict().equals(verdict)) {
                record(event, ChangeKind.VERDICT_FLIP, held.get().verdict(), verdict);
            }
        }
        freshness.record(true, event.changedAt());
        return true;
    }

    private void record(VerdictEvent event, ChangeKind kind, String from, String to) {
        changes.record(new FeedChanges.Change(kind + ":" + event.verdictId() + ":" + event.version(), kind,
                event.changedAt(), event.toolId(), event.toolSlug(), null, null, null, event.reviewerDisplayName(),
                event.lens().name(), from, to, event.take()));
    }
}
