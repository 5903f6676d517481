package dev.toolverdicts.vote.ballot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ballots in vote-service's PostgreSQL: one row per member and tool. */
@Repository
class BallotRepository {

    private static final String COLUMNS = "tool_id, member_id, choice, flag_id, flagged, rejected, cast_at, updated_at";

    private final JdbcClient jdbc;

    BallotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ballot> find(UUID toolId, String memberId) {
        return jdbc.sql("select " + COLUMNS + " from ballot where tool_id = ? and member_id = ?")
                .params(toolId, memberId).query(BallotRepository::map).optional();
    }

    Optional<Ballot> findForUpdate(UUID toolId, String memberId) {
        return jdbc.sql("select " + COLUMNS + " from ballot where tool_id = ? and member_id = ? for update")
                .params(toolId, memberId).query(BallotRepository::map).optional();
    }

    /** Inserts a new ballot; false if another transaction committed the member's ballot on this tool meanwhile. */
    boolean insertIfAbsent(Ballot ballot) {
        return jdbc.sql("insert into ballot (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tool_id, member_id) do nothing")
                .params(ballot.toolId(), ballot.memberId(), ballot.choice().name(), ballot.flagId(), ballot.flagged(),
                        ballot.rejected(), Timestamp.from(ballot.castAt()), Timestamp.from(ballot.updatedAt()))
                .update() == 1;
    }

    void save(Ballot ballot) {
        jdbc.sql("insert into ballot (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + """
                         on conflict (tool_id, member_id) do update
                            set choice = excluded.choice, flag_id = excluded.flag_id, flagged = excluded.flagged,
                                rejected = excluded.rejected, updated_at = excluded.updated_at""")
                .params(ballot.toolId(), ballot.memberId(), ballot.choice().name(), ballot.flagId(), ballot.flagged(),
                        ballot.rejected(), Timestamp.from(ballot.castAt()), Timestamp.from(ballot.updatedAt()))
                .update();
    }

    void delete(Ballot ballot) {
        jdbc.sql("delete from ballot where tool_id = ? and member_id = ?")
                .params(ballot.toolId(), ballot.memberId()).update();
    }

    private static Ballot map(ResultSet rs, int row) throws SQLException {
        long flagId = rs.getLong("flag_id");
        Long flag = rs.wasNull() ? null : flagId;
        return new Ballot(rs.getObject("tool_id", UUID.class), rs.getString("member_id"),
                Choice.valueOf(rs.getString("choice")), flag, rs.getBoolean("flagged"),
                rs.getBoolean("rejected"), rs.getTimestamp("cast_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
