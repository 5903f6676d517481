package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tool rows of the read model; an event lands only if it is newer than the row, so replays are harmless. */
@Repository
class ToolViewRepository {

    private final JdbcClient jdbc;

    ToolViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if the event was newer than what the view held and is now applied; false for duplicates and older ones. */
    boolean apply(ToolEvent event, Instant now) {
        return jdbc.sql("""
                        insert into tool_view (tool_id, slug, name, vendor, category, tagline, description, license,
                                               status, catalog_version, changed_at, applied_at)
                        values (:id, :slug, :name, :vendor, :category, :tagline, :description, :license,
                                :status, :version, :changedAt, :now)
                        on conflict (tool_id) do update
                           set slug = excluded.slug, name = excluded.name, vendor = excluded.vendor,
                               category = excluded.category, tagline = excluded.tagline,
                               description = excluded.description, license = excluded.license,
                               status = excluded.status, catalog_version = excluded.catalog_version,
                               changed_at = excluded.changed_at, applied_at = excluded.applied_at
                         where tool_view.catalog_version < excluded.catalog_version""")
                .param("id", event.toolId())
                .param("slug", event.slug())
                .param("name", event.name())
                .param("vendor", event.vendor())
                .param("category", event.category())
                .param("tagline", event.tagline())
                .param("description", event.description())
                .param("license", event.license())
                .param("status", event.status().name())
                .param("version", event.version())
                .param("changedAt", Timestamp.from(event.changedAt()))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** The published tool with this slug; drafts and archived tools are not shown. */
    Optional<ToolView> findPublished(String slug) {
        return jdbc.sql("""
                        select tool_id, slug, name, vendor, category, tagline, description, license,
                               catalog_version, changed_at
                          from tool_view
                         where slug = ? and status = ?
                         order by changed_at desc
                         limit 1""")
                .params(slug, ToolStatus.PUBLISHED.name())
                .query((rs, row) -> new ToolView(rs.getObject("tool_id", UUID.class), rs.getString("slug"),
                        rs.getString("name"), rs.getString("vendor"), rs.getString("category"),
                        rs.getString("tagline"), rs.getString("description"), rs.getString("license"),
                        rs.getLong("catalog_version"), rs.getTimestamp("changed_at").toInstant()))
                .optional();
    }
}
