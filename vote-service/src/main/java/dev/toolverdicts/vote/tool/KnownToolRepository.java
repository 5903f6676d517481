package dev.toolverdicts.vote.tool;

import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The local copy of catalog tools; an event lands only if it is newer than the row, so replays are harmless. */
@Repository
@Transactional
class KnownToolRepository {

    private final JdbcClient jdbc;

    KnownToolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True if the event was newer than what was held and is now applied; false for duplicates and older ones.
     * A new tool starts with an empty tally row, so votes only ever update it.
     */
    boolean apply(ToolEvent event) {
        boolean applied = jdbc.sql("""
                        insert into tool (tool_id, slug, status, catalog_version, changed_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (tool_id) do update
                           set slug = excluded.slug, status = excluded.status,
                               catalog_version = excluded.catalog_version, changed_at = excluded.changed_at
                         where tool.catalog_version < excluded.catalog_version""")
                .params(event.toolId(), event.slug(), event.status().name(), event.version(),
                        Timestamp.from(event.changedAt()))
                .update() == 1;
        if (applied) {
            jdbc.sql("insert into tally (tool_id) values (?) on conflict (tool_id) do nothing").param(event.toolId())
                    .update();
        }
        return applied;
    }

    Optional<KnownTool> findPublished(String slug) {
        return jdbc.sql("""
                        select tool_id, slug, catalog_version from tool
                         where slug = ? and status = ?
                         order by changed_at desc
                         limit 1""")
                .params(slug, ToolStatus.PUBLISHED.name())
                .query((rs, row) -> new KnownTool(rs.getObject("tool_id", UUID.class), rs.getString("slug"),
                        rs.getLong("catalog_version")))
                .optional();
    }
}
