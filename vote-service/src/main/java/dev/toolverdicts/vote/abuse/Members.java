package dev.toolverdicts.vote.abuse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers when each member was first seen. A member already known costs one read and no write (and so no row lock:
 * one member's concurrent writes on a ballot are ordered by the ballot row and by the ballot box instead); a member
 * this instance has read as committed costs nothing, since member rows are never deleted and their first-seen time
 * never changes.
 */
@Component
public class Members {

    /** Enough for every active member of a busy day; past it the memory starts over (each costs one read again). */
    private static final int MAX_REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final Map<String, Member> committed = new ConcurrentHashMap<>();

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member, inserted if new; the token's account creation time, when it has one, wins over a stored one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Member touch(String memberId, Instant accountCreatedAt, Instant now) {
        Instant created = accountCreatedAt == null ? null : accountCreatedAt.truncatedTo(ChronoUnit.MICROS);
        Member remembered = committed.get(memberId);
        if (remembered != null && (created == null || created.equals(remembered.accountCreatedAt()))) {
            return remembered;
        }
        Member member = insertIfNew(memberId, created, now).or(() -> find(memberId)).orElseThrow();
        if (created != null && !created.equals(member.accountCreatedAt())) {
            jdbc.sql("update member set account_created_at = ? where member_id = ?")
                    .params(Timestamp.from(created), memberId).update();
            return new Member(member.id(), member.firstSeenAt(), created);
        }
        return member;
    }

    /** One round trip: the stored member, or the one inserted now; empty only if another transaction inserted it. */
    private Optional<Member> insertIfNew(String memberId, Instant accountCreatedAt, Instant now) {
        Optional<Stored> stored = jdbc.sql("""
                        with known as (
                            select member_id, first_seen_at, account_created_at from member where member_id = ?),
                        inserted as (
                            insert into member (member_id, first_seen_at, account_created_at)
                            select ?, ?, ? where not exists (select 1 from known)
                            on conflict (member_id) do nothing
                            returning member_id, first_seen_at, account_created_at)
                        select *, true as committed from known union all select *, false from inserted""")
                .params(memberId, memberId, Timestamp.from(now),
                        accountCreatedAt == null ? null : Timestamp.from(accountCreatedAt))
                .query((rs, row) -> new Stored(map(rs), rs.getBoolean("committed")))
                .optional();
        stored.filter(Stored::committed).ifPresent(known -> remember(known.member()));
        return stored.map(Stored::member);
    }

    private Optional<Member> find(String memberId) {
        Optional<Member> member = jdbc.sql(
                        "select member_id, first_seen_at, account_created_at from member where member_id = ?")
                .param(memberId).query((rs, row) -> map(rs)).optional();
        member.ifPresent(this::remember);
        return member;
    }

    /** Only rows read as committed: a member inserted by a transaction that then rolls back must not be remembered. */
    private void remember(Member member) {
        if (committed.size() >= MAX_REMEMBERED) {
            committed.clear();
        }
        committed.put(member.id(), member);
    }

    private static Member map(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("account_created_at");
        return new Member(rs.getString("member_id"), rs.getTimestamp("first_seen_at").toInstant(),
                created == null ? null : created.toInstant());
    }

    private record Stored(Member member, boolean committed) {
    }
}
