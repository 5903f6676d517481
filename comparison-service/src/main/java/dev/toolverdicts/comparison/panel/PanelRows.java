package dev.toolverdicts.comparison.panel;

import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ReviewerEvent;
import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictEvent;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reviewer and verdict rows of one generation. Each event carries its entity's whole state, so applying it is an
 * upsert guarded by version (per reviewer id, per verdict id). A verdict counts while it is SUBMITTED and its
 * reviewer is active (or not known yet); the reviewer row, once known, names the reviewer and gives the lens.
 */
@Repository
public class PanelRows {

    private final JdbcClient jdbc;

    PanelRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean apply(ViewSchema schema, VerdictEvent event) {
        return jdbc.sql("""
                        insert into %1$s as v (verdict_id, tool_id, reviewer_id, reviewer_name, lens, verdict, take,
                                             model_version, status, revision_count, version, changed_at)
                        values (:id, :tool, :reviewer, :name, :lens, :verdict, :take, :modelVersion, :status,
                                :revisions, :version, :changedAt)
                        on conflict (verdict_id) do update
                           set tool_id = excluded.tool_id, reviewer_id = excluded.reviewer_id,
                               reviewer_name = excluded.reviewer_name, lens = excluded.lens,
                               verdict = excluded.verdict, take = excluded.take,
                               model_version = excluded.model_version, status = excluded.status,
                               revision_count = excluded.revision_count, version = excluded.version,
                               changed_at = excluded.changed_at
                         where v.version < excluded.version""".formatted(schema.table("verdict")))
                .param("id", event.verdictId())
                .param("tool", event.toolId())
                .param("reviewer", event.reviewerId())
                .param("name", event.reviewerDisplayName())
                .param("lens", event.lens() == null ? null : event.lens().name())
                .param("verdict", event.verdict() == null ? null : event.verdict().name())
                .param("take", event.take())
                .param("modelVersion", event.modelVersion())
                .param("status", event.status().name())
                .param("revisions", event.revisionCount())
                .param("version", event.version())
                .param("changedAt", Timestamp.from(event.changedAt()))
                .update() == 1;
    }

    boolean apply(ViewSchema schema, ReviewerEvent event) {
        return jdbc.sql("""
                        insert into %1$s as r (reviewer_id, display_name, lens, active, version, changed_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (reviewer_id) do update
                           set display_name = excluded.display_name, lens = excluded.lens, active = excluded.active,
                               version = excluded.version, changed_at = excluded.changed_at
                         where r.version < excluded.version""".formatted(schema.table("reviewer")))
                .params(event.reviewerId(), event.displayName(), event.lens().name(), event.active(),
                        event.version(), Timestamp.from(event.changedAt()))
                .update() == 1;
    }

    /** The tools this reviewer has a verdict on (whatever its status), whose views show the reviewer. */
    Set<UUID> toolsReviewedBy(ViewSchema schema, UUID reviewerId) {
        return new HashSet<>(jdbc.sql("select distinct tool_id from " + schema.table("verdict") + " where reviewer_id = ?")
                .param(reviewerId).query(UUID.class).list());
    }

    /** The verdicts that count now on these tools, by tool id. */
    public List<ToolVerdict> currentVerdicts(ViewSchema schema, Collection<UUID> toolIds) {
        if (toolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select v.tool_id, v.reviewer_id, coalesce(r.display_name, v.reviewer_name) as reviewer,
                               coalesce(r.lens, v.lens) as lens, v.verdict, v.take, v.revision_count, v.model_version
                          from %s v left join %s r on r.reviewer_id = v.reviewer_id
                         where v.tool_id in (:tools) and v.status = 'SUBMITTED' and coalesce(r.active, true)"""
                        .formatted(schema.table("verdict"), schema.table("reviewer")))
                .param("tools", toolIds)
                .query((rs, row) -> new ToolVerdict(rs.getObject("tool_id", UUID.class), new ReviewerVerdict(
                        rs.getObject("reviewer_id", UUID.class), rs.getString("reviewer"),
                        rs.getString("lens") == null ? null : Lens.valueOf(rs.getString("lens")),
                        rs.getString("verdict") == null ? null : ShipOrSkip.valueOf(rs.getString("verdict")),
                        rs.getString("take"), rs.getInt("revision_count"), rs.getString("model_version"))))
                .list();
    }

    /** The active panel reviewers, in panel order. */
    public List<PanelReviewer> roster(ViewSchema schema) {
        return jdbc.sql("select reviewer_id, display_name, lens from " + schema.table("reviewer") + " where active")
                .query((rs, row) -> new PanelReviewer(rs.getObject("reviewer_id", UUID.class),
                        rs.getString("display_name"), Lens.valueOf(rs.getString("lens"))))
                .list().stream().sorted(PanelReviewer.PANEL_ORDER).toList();
    }

    /** A current verdict with the tool it is on. */
    public record ToolVerdict(UUID toolId, ReviewerVerdict verdict) {
    }
}
