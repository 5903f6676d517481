package dev.toolverdicts.review.tool;

import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local copy of the catalog's tools; an event lands only if it is newer than the row, so replays are harmless. */
@Repository
public class KnownToolRepository {

    private final JdbcClient jdbc;

    KnownToolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if the event was newer than the copy and is now applied; false for duplicates and older ones. */
    boolean apply(ToolEvent event, Instant now) {
        return jdbc.sql("""
                        insert into known_tool (tool_id, slug, status, catalog_version, changed_at, applied_at)
                        values (:id, :slug, :status, :version, :changedAt, :now)
                        on conflict (tool_id) do update
                           set slug = excluded.slug, status = excluded.status,
                               catalog_version = excluded.catalog_version, changed_at = excluded.changed_at,
                               applied_at = excluded.applied_at
                         where known_tool.catalog_version < excluded.catalog_version""")
                .param("id", event.toolId())
                .param("slug", event.slug())
                .param("status", event.status().name())
                .param("version", event.version())
                .param("changedAt", Timestamp.from(event.changedAt()))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** The tool with this slug, a published one first should a slug ever have been reused. */
    public Optional<KnownTool> findBySlug(String slug) {
        return jdbc.sql("""
                        select tool_id, slug, status, catalog_version from known_tool
                         where slug = ?
                         order by (status = 'PUBLISHED') desc, changed_at desc
                         limit 1""")
                .param(slug)
                .query(KnownToolRepository::map).optional();
    }

    public Optional<KnownTool> findById(UUID toolId) {
        return jdbc.sql("select tool_id, slug, status, catalog_version from known_tool where tool_id = ?")
                .param(toolId)
                .query(KnownToolRepository::map).optional();
    }

    private static KnownTool map(ResultSet rs, int row) throws SQLException {
        return new KnownTool(rs.getObject("tool_id", UUID.class), rs.getString("slug"),
                ToolStatus.valueOf(rs.getString("status")), rs.getLong("catalog_version"));
    }
}
