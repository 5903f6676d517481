package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.review.Lens;
import dev.toolverdicts.events.review.ShipOrSkip;
import dev.toolverdicts.events.review.VerdictStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Verdicts and their revision history in the service's own PostgreSQL; writes check the version they replace. */
@Repository
class VerdictRepository {

    private static final String COLUMNS = """
            id, tool_id, reviewer_id, verdict, take, model_version, status, revision_count, version, created_at,
            updated_at""";

    private static final String VIEW = """
            select v.id, v.tool_id, t.slug, v.reviewer_id, r.display_name, r.lens, v.verdict, v.take,
                   v.model_version, v.status, v.revision_count, v.version, v.created_at, v.updated_at
              from verdict v
              join published_tool t on t.tool_id = v.tool_id
              join reviewer r on r.id = v.reviewer_id
            """;

    private final JdbcClient jdbc;

    VerdictRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes the writes about one tool until the transaction ends, so that the outbox rows keyed by the tool
     * id are numbered in commit order even when different reviewers write at once.
     */
    void lockTool(UUID toolId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(toolId.toString())
                .query((rs, row) -> 1).list();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the reviewer's verdict exists already. */
    void insert(Verdict verdict) {
        jdbc.sql("insert into verdict (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(verdict.id(), verdict.toolId(), verdict.reviewerId(), name(verdict.verdict()),
                        verdict.take(), verdict.modelVersion(), verdict.status().name(), verdict.revisionCount(),
                        verdict.version(), Timestamp.from(verdict.createdAt()), Timestamp.from(verdict.updatedAt()))
                .update();
    }

    /** Replaces the row only if it still holds the version before {@code verdict}; false if someone got there first. */
    boolean update(Verdict verdict) {
        return jdbc.sql("""
                        update verdict set verdict = ?, take = ?, model_version = ?, status = ?, revision_count = ?,
                               version = ?, updated_at = ?
                         where id = ? and version = ?""")
                .params(name(verdict.verdict()), verdict.take(), verdict.modelVersion(), verdict.status().name(),
                        verdict.revisionCount(), verdict.version(), Timestamp.from(verdict.updatedAt()),
                        verdict.id(), verdict.version() - 1)
                .update() == 1;
    }

    Optional<Verdict> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from verdict where id = ?").param(id)
                .query(VerdictRepository::map).optional();
    }

    Optional<Verdict> findByReviewerAndTool(UUID reviewerId, UUID toolId) {
        return jdbc.sql("select " + COLUMNS + " from verdict where reviewer_id = ? and tool_id = ?")
                .params(reviewerId, toolId)
                .query(VerdictRepository::map).optional();
    }

    /** All of a reviewer's verdicts, withdrawn ones too, in tool id order (the order their tool locks are taken in). */
    List<Verdict> findAllByReviewer(UUID reviewerId) {
        return jdbc.sql("select " + COLUMNS + " from verdict where reviewer_id = ? order by tool_id")
                .param(reviewerId)
                .query(VerdictRepository::map).list();
    }

    void insertRevision(Revision revision) {
        jdbc.sql("""
                        insert into verdict_revision (verdict_id, number, kind, old_verdict, new_verdict, old_take,
                               new_take, old_model_version, new_model_version, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(revision.verdictId(), revision.number(), revision.kind().name(),
                        name(revision.oldVerdict()), name(revision.newVerdict()), revision.oldTake(),
                        revision.newTake(), revision.oldModelVersion(), revision.newModelVersion(),
                        Timestamp.from(revision.changedAt()))
                .update();
    }

    List<Revision> revisions(UUID verdictId) {
        return jdbc.sql("""
                        select verdict_id, number, kind, old_verdict, new_verdict, old_take, new_take,
                               old_model_version, new_model_version, changed_at
                          from verdict_revision where verdict_id = ? order by number""")
                .param(verdictId)
                .query((rs, row) -> new Revision(rs.getObject("verdict_id", UUID.class), rs.getInt("number"),
                        RevisionKind.valueOf(rs.getString("kind")), call(rs, "old_verdict"),
                        call(rs, "new_verdict"), rs.getString("old_take"), rs.getString("new_take"),
                        rs.getString("old_model_version"), rs.getString("new_model_version"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The current (submitted) verdicts on a tool, the panel's lenses in their fixed order. */
    List<VerdictResponse> currentForTool(UUID toolId) {
        return jdbc.sql(VIEW + """
                         where v.tool_id = ? and v.status = 'SUBMITTED'
                         order by case r.lens when 'BUILDER' then 1 when 'SKEPTIC' then 2 when 'FUTURIST' then 3
                                  else 4 end, r.display_name, v.id""")
                .param(toolId)
                .query(VerdictRepository::view).list();
    }

    /** A reviewer's current (submitted) verdicts, newest change first. */
    List<VerdictResponse> currentForReviewer(UUID reviewerId) {
        return jdbc.sql(VIEW + " where v.reviewer_id = ? and v.status = 'SUBMITTED' order by v.updated_at desc, v.id")
                .param(reviewerId)
                .query(VerdictRepository::view).list();
    }

    Optional<VerdictResponse> view(UUID id) {
        return jdbc.sql(VIEW + " where v.id = ?").param(id).query(VerdictRepository::view).optional();
    }

    private static Verdict map(ResultSet rs, int row) throws SQLException {
        return new Verdict(rs.getObject("id", UUID.class), rs.getObject("tool_id", UUID.class),
                rs.getObject("reviewer_id", UUID.class), call(rs, "verdict"), rs.getString("take"),
                rs.getString("model_version"), VerdictStatus.valueOf(rs.getString("status")),
                rs.getInt("revision_count"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static VerdictResponse view(ResultSet rs, int row) throws SQLException {
        return new VerdictResponse(rs.getObject("id", UUID.class), rs.getObject("tool_id", UUID.class),
                rs.getString("slug"), rs.getObject("reviewer_id", UUID.class), rs.getString("display_name"),
                Lens.valueOf(rs.getString("lens")), call(rs, "verdict"), rs.getString("take"),
                rs.getString("model_version"), VerdictStatus.valueOf(rs.getString("status")),
                rs.getInt("revision_count"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static ShipOrSkip call(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : ShipOrSkip.valueOf(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
