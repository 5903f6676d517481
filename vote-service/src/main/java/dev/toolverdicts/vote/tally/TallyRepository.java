package dev.toolverdicts.vote.tally;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per tool (created empty when the tool becomes known), moved by delta in the voter's transaction. The update takes the row lock of that one tool only
 * and holds it from here to commit, which is why it is the last write of a vote before the outbox append.
 */
@Repository
class TallyRepository {

    private final JdbcClient jdbc;

    TallyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the counts of a tool whose tally row exists (created empty with the tool). */
    Tally add(UUID toolId, TallyDelta delta) {
        return jdbc.sql("""
                        update tally set ship = ship + ?, skip = skip + ?, flagged = flagged + ?, version = version + 1
                         where tool_id = ?
                        returning ship, skip, flagged, version""")
                .params(delta.ship(), delta.skip(), delta.flagged(), toolId)
                .query((rs, row) -> new Tally(rs.getLong("ship"), rs.getLong("skip"), rs.getLong("flagged"),
                        rs.getLong("version")))
                .single();
    }

    Tally find(UUID toolId) {
        return jdbc.sql("select ship, skip, flagged, version from tally where tool_id = ?")
                .param(toolId)
                .query((rs, row) -> new Tally(rs.getLong("ship"), rs.getLong("skip"), rs.getLong("flagged"),
                        rs.getLong("version")))
                .optional()
                .orElse(Tally.EMPTY);
    }
}
