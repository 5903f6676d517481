package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.comparison.feed.ViewKey;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.comparison.ViewChangedEvent.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns what an event changed into the views a reader sees: the changed tools' views and the views of every matchup
 * that shows one of them, each with its slug and whether it is still shown.
 */
@Component
class AffectedViews {

    private final JdbcClient jdbc;

    AffectedViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ViewKey> of(ViewSchema schema, ViewChanges changes) {
        if (!changes.applied()) {
            return List.of();
        }
        List<ViewKey> keys = new ArrayList<>();
        Set<UUID> tools = changes.tools();
        if (!tools.isEmpty()) {
            keys.addAll(jdbc.sql("select tool_id, slug, status from " + schema.table("tool")
                            + " where tool_id in (:ids) order by tool_id")
                    .param("ids", tools)
                    .query((rs, row) -> new ViewKey(Kind.TOOL, rs.getObject("tool_id", UUID.class),
                            rs.getString("slug"), !"PUBLISHED".equals(rs.getString("status"))))
                    .list());
        }
        Set<UUID> matchups = new LinkedHashSet<>(changes.matchups());
        String matchupColumns = """
                select m.matchup_id, m.slug,
                       m.status <> 'PUBLISHED' or coalesce(a.status, '') <> 'PUBLISHED'
                           or coalesce(b.status, '') <> 'PUBLISHED' as removed
                  from %1$s m left join %2$s a on a.tool_id = m.tool_a_id left join %2$s b on b.tool_id = m.tool_b_id
                """.formatted(schema.table("matchup"), schema.table("tool"));
        List<String> where = new ArrayList<>();
        if (!matchups.isEmpty()) {
            where.add("m.matchup_id in (:matchups)");
        }
        if (!tools.isEmpty()) {
            where.add("m.tool_a_id in (:tools) or m.tool_b_id in (:tools)");
        }
        if (!where.isEmpty()) {
            var statement = jdbc.sql(matchupColumns + " where " + String.join(" or ", where) + " order by m.matchup_id");
            if (!matchups.isEmpty()) {
                statement = statement.param("matchups", matchups);
            }
            if (!tools.isEmpty()) {
                statement = statement.param("tools", tools);
            }
            keys.addAll(statement.query((rs, row) -> new ViewKey(Kind.MATCHUP, rs.getObject("matchup_id", UUID.class),
                    rs.getString("slug"), rs.getBoolean("removed"))).list());
        }
        return keys;
    }
}
