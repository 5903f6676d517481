package dev.toolverdicts.vote.abuse;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers when each member was first seen. Touching a member also locks their row until commit, which
 * serializes one member's concurrent writes (so their ballot is read and changed without races).
 */
@Component
public class Members {

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Member touch(String memberId, Instant accountCreatedAt, Instant now) {
        return jdbc.sql("""
                        insert into member (member_id, first_seen_at, account_created_at) values (?, ?, ?)
                        on conflict (member_id) do update
                           set account_created_at = coalesce(excluded.account_created_at, member.account_created_at)
                        returning member_id, first_seen_at, account_created_at""")
                .params(memberId, Timestamp.from(now), accountCreatedAt == null ? null : Timestamp.from(accountCreatedAt))
                .query((rs, row) -> new Member(rs.getString("member_id"), rs.getTimestamp("first_seen_at").toInstant(),
                        rs.getTimestamp("account_created_at") == null ? null
                                : rs.getTimestamp("account_created_at").toInstant()))
                .single();
    }
}
