package dev.toolverdicts.publishedtools;

import dev.toolverdicts.consumers.EventHandler;
import dev.toolverdicts.events.EventType;
import dev.toolverdicts.events.EventTypes;
import dev.toolverdicts.events.catalog.ToolEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies {@code catalog.tool.v1} to the copy in one transaction: an upsert that lands only if the event's version is
 * newer than the row's (so redelivery and replay are harmless), then the service's callbacks. Every status is kept,
 * drafts and archived tools too: whether a tool is published is asked at read time.
 */
public class PublishedToolHandler implements EventHandler<ToolEvent> {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<ToolAppliedCallback> callbacks;

    PublishedToolHandler(JdbcClient jdbc, TransactionTemplate tx, Clock clock, List<ToolAppliedCallback> callbacks) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.callbacks = List.copyOf(callbacks);
    }

    @Override
    public EventType<ToolEvent> type() {
        return EventTypes.CATALOG_TOOL;
    }

    @Override
    public boolean apply(ToolEvent event) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            boolean applied = jdbc.sql("""
                            insert into published_tool (tool_id, slug, status, catalog_version, changed_at, applied_at)
                            values (:id, :slug, :status, :version, :changedAt, :now)
                            on conflict (tool_id) do update
                               set slug = excluded.slug, status = excluded.status,
                                   catalog_version = excluded.catalog_version, changed_at = excluded.changed_at,
                                   applied_at = excluded.applied_at
                             where published_tool.catalog_version < excluded.catalog_version""")
                    .param("id", event.toolId())
                    .param("slug", event.slug())
                    .param("status", event.status().name())
                    .param("version", event.version())
                    .param("changedAt", Timestamp.from(event.changedAt()))
                    .param("now", Timestamp.from(clock.instant()))
                    .update() == 1;
            if (applied) {
                callbacks.forEach(callback -> callback.applied(event));
            }
            return applied;
        }));
    }
}
