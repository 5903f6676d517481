package dev.toolverdicts.vote.abuse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The flags on votes: raised by the vote path, listed and resolved by admins (moderation), never deleted. */
@Component
public class Flags {

    private static final String SELECT = """
            select f.flag_id, f.tool_id, t.slug, f.member_id, f.choice, b.choice as current_choice, f.reason,
                   f.flagged_at, f.resolution, f.resolved_by, f.resolved_at
              from vote_flag f
              join published_tool t on t.tool_id = f.tool_id
              left join ballot b on b.tool_id = f.tool_id and b.member_id = f.member_id and b.flag_id = f.flag_id
            """;

    private final JdbcClient jdbc;

    Flags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long raise(UUID toolId, String memberId, String vote, String reason, Instant now) {
        return jdbc.sql("""
                        insert into vote_flag (tool_id, member_id, choice, reason, flagged_at)
                        values (?, ?, ?, ?, ?) returning flag_id""")
                .params(toolId, memberId, vote, reason, Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public List<Flag> list(boolean open, int limit) {
        return jdbc.sql(SELECT + " where (f.resolution is null) = ? order by f.flag_id limit ?")
                .params(open, limit)
                .query(Flags::map)
                .list();
    }

    /** The flag, with its row locked until commit so that two admins cannot resolve it at once. */
    public Optional<Flag> findForUpdate(long flagId) {
        return jdbc.sql(SELECT + " where f.flag_id = ? for update of f").param(flagId).query(Flags::map).optional();
    }

    public void resolve(long flagId, Resolution resolution, String admin, Instant now) {
        jdbc.sql("update vote_flag set resolution = ?, resolved_by = ?, resolved_at = ? where flag_id = ?")
                .params(resolution.name(), admin, Timestamp.from(now), flagId)
                .update();
    }

    private static Flag map(ResultSet rs, int row) throws SQLException {
        String resolution = rs.getString("resolution");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new Flag(rs.getLong("flag_id"), rs.getObject("tool_id", UUID.class), rs.getString("slug"),
                rs.getString("member_id"), rs.getString("choice"), rs.getString("current_choice"),
                rs.getString("reason"), rs.getTimestamp("flagged_at").toInstant(),
                resolution == null ? null : Resolution.valueOf(resolution), rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant());
    }
}
