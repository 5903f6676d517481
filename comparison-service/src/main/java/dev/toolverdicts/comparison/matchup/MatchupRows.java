package dev.toolverdicts.comparison.matchup;

import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.catalog.MatchupEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Matchup rows of one generation, upserted by version. A matchup is shown while it and both of its tools are
 * published; the tools are joined by id, so a renamed tool's new slug and name show at once.
 */
@Repository
class MatchupRows {

    private final JdbcClient jdbc;

    MatchupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean apply(ViewSchema schema, MatchupEvent event) {
        return jdbc.sql("""
                        insert into %s as m (matchup_id, slug, tool_a_id, tool_b_id, headline, status, published_at,
                                             version, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (matchup_id) do update
                           set slug = excluded.slug, tool_a_id = excluded.tool_a_id, tool_b_id = excluded.tool_b_id,
                               headline = excluded.headline, status = excluded.status,
                               published_at = excluded.published_at, version = excluded.version,
                               changed_at = excluded.changed_at
                         where m.version < excluded.version""".formatted(schema.table("matchup")))
                .params(event.matchupId(), event.slug(), event.toolAId(), event.toolBId(), event.headline(),
                        event.status().name(), event.publishedAt() == null ? null : Timestamp.from(event.publishedAt()),
                        event.version(), Timestamp.from(event.changedAt()))
                .update() == 1;
    }

    Optional<ShownMatchup> findShown(ViewSchema schema, String slug) {
        return jdbc.sql(shown(schema) + " and m.slug = ? order by m.published_at desc nulls last, m.matchup_id limit 1")
                .param(slug).query(MatchupRows::row).optional();
    }

    /** Shown matchups, latest published first. */
    List<ShownMatchup> latest(ViewSchema schema, int offset, int limit) {
        return jdbc.sql(shown(schema) + " order by m.published_at desc nulls last, m.slug, m.matchup_id offset ? limit ?")
                .params(offset, limit).query(MatchupRows::row).list();
    }

    int countShown(ViewSchema schema) {
        return jdbc.sql("select count(*) from (" + shown(schema) + ") shown").query(Integer.class).single();
    }

    private static String shown(ViewSchema schema) {
        return """
                select m.matchup_id, m.slug, m.headline, m.published_at, m.version,
                       a.slug as a_slug, a.name as a_name, b.slug as b_slug, b.name as b_name
                  from %1$s m join %2$s a on a.tool_id = m.tool_a_id join %2$s b on b.tool_id = m.tool_b_id
                 where m.status = 'PUBLISHED' and a.status = 'PUBLISHED' and b.status = 'PUBLISHED'"""
                .formatted(schema.table("matchup"), schema.table("tool"));
    }

    private static ShownMatchup row(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new ShownMatchup(rs.getObject("matchup_id", UUID.class), rs.getString("slug"), rs.getString("headline"),
                published == null ? null : published.toInstant(), rs.getLong("version"),
                new MatchupTool(rs.getString("a_slug"), rs.getString("a_name")),
                new MatchupTool(rs.getString("b_slug"), rs.getString("b_name")));
    }

    /** A matchup that is shown, with its two tools' current slugs and names. */
    record ShownMatchup(UUID matchupId, String slug, String headline, Instant publishedAt, long version,
            MatchupTool toolA, MatchupTool toolB) {
    }
}
