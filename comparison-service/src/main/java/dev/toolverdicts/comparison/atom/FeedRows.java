package dev.toolverdicts.comparison.atom;

import dev.toolverdicts.comparison.store.ViewSchema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The newest verdict changes and matchups of one generation, as feeds list them (published tools only). */
@Component
class FeedRows {

    static final int LIMIT = 50;

    /** A verdict as last changed: submitted (with its call and take) or withdrawn. */
    record VerdictRow(UUID verdictId, long version, String toolSlug, String toolName, UUID reviewerId,
            String reviewer, String verdict, String take, String status, int revisionCount, Instant changedAt) {
    }

    record MatchupRow(UUID matchupId, String slug, String headline, String toolA, String toolB,
            Instant publishedAt, Instant changedAt) {
    }

    private final JdbcClient jdbc;

    FeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code toolSlug} and {@code reviewerId} narrow the list when given. */
    List<VerdictRow> verdicts(ViewSchema schema, String toolSlug, UUID reviewerId) {
        return jdbc.sql("""
                        select v.verdict_id, v.version, t.slug, t.name, v.reviewer_id,
                               coalesce(r.display_name, v.reviewer_name) as reviewer, v.verdict, v.take, v.status,
                               v.revision_count, v.changed_at
                          from %s v join %s t on t.tool_id = v.tool_id left join %s r on r.reviewer_id = v.reviewer_id
                         where t.status = 'PUBLISHED' and (cast(:tool as text) is null or t.slug = :tool)
                           and (cast(:reviewer as uuid) is null or v.reviewer_id = :reviewer)
                         order by v.changed_at desc, v.verdict_id
                         limit %d""".formatted(schema.table("verdict"), schema.table("tool"),
                        schema.table("reviewer"), LIMIT))
                .param("tool", toolSlug).param("reviewer", reviewerId)
                .query((rs, row) -> new VerdictRow(rs.getObject("verdict_id", UUID.class), rs.getLong("version"),
                        rs.getString("slug"), rs.getString("name"), rs.getObject("reviewer_id", UUID.class),
                        rs.getString("reviewer"), rs.getString("verdict"), rs.getString("take"),
                        rs.getString("status"), rs.getInt("revision_count"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Published matchups of published tools, newest first. */
    List<MatchupRow> matchups(ViewSchema schema) {
        return jdbc.sql("""
                        select m.matchup_id, m.slug, m.headline, a.name as tool_a, b.name as tool_b,
                               m.published_at, m.changed_at
                          from %1$s m join %2$s a on a.tool_id = m.tool_a_id join %2$s b on b.tool_id = m.tool_b_id
                         where m.status = 'PUBLISHED' and a.status = 'PUBLISHED' and b.status = 'PUBLISHED'
                         order by coalesce(m.published_at, m.changed_at) desc, m.matchup_id
                         limit %3$d""".formatted(schema.table("matchup"), schema.table("tool"), LIMIT))
                .query((rs, row) -> new MatchupRow(rs.getObject("matchup_id", UUID.class), rs.getString("slug"),
                        rs.getString("headline"), rs.getString("tool_a"), rs.getString("tool_b"),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }
}
