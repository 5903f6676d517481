package dev.toolverdicts.newsletter.feed;

import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.Topics;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the tools of {@code catalog.tool.v1} (names for the digest) and logs a tool's first publication as a new
 * tool. Applied by version in one transaction; the offset is committed after it.
 */
@Component
class ToolFeed implements EventHandler<ToolEvent> {

    private final JdbcClient jdbc;
    private final FeedChanges changes;
    private final FeedFreshness freshness;

    ToolFeed(JdbcClient jdbc, FeedChanges changes, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.freshness = new FeedFreshness(registry, clock, Topics.CATALOG_TOOL);
    }

    @Override
    public EventType<ToolEvent> type() {
        return EventTypes.CATALOG_TOOL;
    }

    @Override
    @Transactional
    public boolean apply(ToolEvent event) {
        boolean applied = jdbc.sql("""
                        insert into feed_tool (tool_id, slug, name, vendor, category, tagline, status, catalog_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tool_id) do update
                           set slug = excluded.slug, name = excluded.name, vendor = excluded.vendor,
                               category = excluded.category, tagline = excluded.tagline, status = excluded.status,
                               catalog_version = excluded.catalog_version
                         where feed_tool.catalog_version < excluded.catalog_version""")
                .params(event.toolId(), event.slug(), event.name(), event.vendor(), event.category(),
                        event.tagline(), event.status().name(), event.version())
                .update() == 1;
        if (applied && event.status() == ToolStatus.PUBLISHED) {
            changes.record(new FeedChanges.Change("NEW_TOOL:" + event.toolId(), ChangeKind.NEW_TOOL,
                    event.changedAt(), event.toolId(), event.slug(), null, null, null, null, null, null, null,
                    null));
        }
        freshness.record(applied, event.changedAt());
        return applied;
    }
}
