package dev.toolverdicts.vote.ballot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ballots in vote-service's PostgreSQL: one row per member and tool.
 * <p>
 * A batch of one tool's votes ({@link BallotBatch}) runs on one thread between {@link #beginBatch} and
 * {@link #endBatch}: its members' ballots are read, locked, in one statement, and its writes are held and then sent
 * by {@link #flush} as one statement per kind (new ballots, changed ballots, retracted ballots) instead of one per
 * vote. The rows it read stay locked to the end of the transaction, as when each vote read its own. Outside a batch
 * every call is its own statement.
 */
@Repository
class BallotRepository {

    private static final String COLUMNS = "tool_id, member_id, choice, flag_id, flagged, rejected, cast_at, updated_at";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    BallotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ballot> find(UUID toolId, String memberId) {
        return jdbc.sql("select " + COLUMNS + " from ballot where tool_id = ? and member_id = ?")
                .params(toolId, memberId).query(BallotRepository::map).optional();
    }

    /**
     * Reads (and locks, in member order, so that two instances' batches take them in one order) the ballots of these
     * members on the tool in one statement; until {@link #endBatch} this thread's reads of them cost nothing and its
     * writes wait for {@link #flush}.
     */
    void beginBatch(UUID toolId, Collection<String> memberIds) {
        Map<String, Ballot> read = new HashMap<>();
        if (!memberIds.isEmpty()) {
            List<Object> params = new ArrayList<>(memberIds.size() + 1);
            params.add(toolId);
            params.addAll(memberIds);
            jdbc.sql("select " + COLUMNS + " from ballot where tool_id = ? and member_id in ("
                            + placeholders(memberIds.size()) + ") order by member_id for update")
                    .params(params).query(BallotRepository::map).list()
                    .forEach(ballot -> read.put(ballot.memberId(), ballot));
        }
        batch.set(new Batch(toolId, new HashSet<>(memberIds), read));
    }

    /** Forgets the batch's reads and any writes not flushed (its transaction is over or rolling back). */
    void endBatch() {
        batch.remove();
    }

    Optional<Ballot> findForUpdate(UUID toolId, String memberId) {
        Batch current = batch.get();
        if (current != null && current.covers(toolId, memberId)) {
            return Optional.ofNullable(current.read.get(memberId));
        }
        return jdbc.sql("select " + COLUMNS + " from ballot where tool_id = ? and member_id = ? for update")
                .params(toolId, memberId).query(BallotRepository::map).optional();
    }

    /**
     * Inserts a new ballot; false if another transaction committed the member's ballot on this tool meanwhile. In a
     * batch it answers true and {@link #flush} reports the member if that happened.
     */
    boolean insertIfAbsent(Ballot ballot) {
        if (hold(Kind.INSERT, ballot)) {
            return true;
        }
        return jdbc.sql("insert into ballot (" + COLUMNS + ") values " + ROW
                        + " on conflict (tool_id, member_id) do nothing")
                .params(values(List.of(ballot))).update() == 1;
    }

    void save(Ballot ballot) {
        if (hold(Kind.SAVE, ballot)) {
            return;
        }
        upsert(List.of(ballot));
    }

    void delete(Ballot ballot) {
        if (hold(Kind.DELETE, ballot)) {
            return;
        }
        jdbc.sql("delete from ballot where tool_id = ? and member_id = ?")
                .params(ballot.toolId(), ballot.memberId()).update();
    }

    /**
     * Sends the batch's held writes, one statement per kind; returns the members whose new ballot met one that
     * another transaction committed meanwhile (nothing was written for them). Outside a batch it does nothing.
     */
    Set<String> flush() {
        Batch current = batch.get();
        if (current == null || current.writes.isEmpty()) {
            return Set.of();
        }
        Map<Kind, List<Ballot>> byKind = current.writes.values().stream().collect(Collectors.groupingBy(
                write -> write.kind, () -> new java.util.EnumMap<>(Kind.class),
                Collectors.mapping(write -> write.ballot, Collectors.toList())));
        current.writes.clear();
        Set<String> conflicts = new HashSet<>();
        List<Ballot> inserts = byKind.getOrDefault(Kind.INSERT, List.of());
        if (!inserts.isEmpty()) {
            Set<String> inserted = new HashSet<>(jdbc.sql("insert into ballot (" + COLUMNS + ") values "
                            + rows(inserts.size()) + " on conflict (tool_id, member_id) do nothing returning member_id")
                    .params(values(inserts)).query(String.class).list());
            inserts.stream().map(Ballot::memberId).filter(member -> !inserted.contains(member)).forEach(conflicts::add);
        }
        List<Ballot> saves = byKind.getOrDefault(Kind.SAVE, List.of());
        if (!saves.isEmpty()) {
            upsert(saves);
        }
        List<Ballot> deletes = byKind.getOrDefault(Kind.DELETE, List.of());
        if (!deletes.isEmpty()) {
            List<Object> params = new ArrayList<>(deletes.size() + 1);
            params.add(current.toolId);
            deletes.forEach(ballot -> params.add(ballot.memberId()));
            jdbc.sql("delete from ballot where tool_id = ? and member_id in (" + placeholders(deletes.size()) + ")")
                    .params(params).update();
        }
        return conflicts;
    }

    private void upsert(List<Ballot> ballots) {
        jdbc.sql("insert into ballot (" + COLUMNS + ") values " + rows(ballots.size())
                        + """
                         on conflict (tool_id, member_id) do update
                            set choice = excluded.choice, flag_id = excluded.flag_id, flagged = excluded.flagged,
                                rejected = excluded.rejected, updated_at = excluded.updated_at""")
                .params(values(ballots))
                .update();
    }

    /** Holds the write for the batch's flush; false outside a batch (or for a ballot the batch did not read). */
    private boolean hold(Kind kind, Ballot ballot) {
        Batch current = batch.get();
        if (current == null || !current.covers(ballot.toolId(), ballot.memberId())) {
            return false;
        }
        Write earlier = current.writes.get(ballot.memberId());
        if (earlier != null) {
            // a second write of one member in a batch: keep the order by sending the first one now
            Set<String> conflicts = flush();
            if (!conflicts.isEmpty()) {
                throw new ConcurrentBallot();
            }
        }
        current.writes.put(ballot.memberId(), new Write(kind, ballot));
        if (kind == Kind.DELETE) {
            current.read.remove(ballot.memberId());
        } else {
            current.read.put(ballot.memberId(), ballot);
        }
        return true;
    }

    private static List<Object> values(List<Ballot> ballots) {
        List<Object> values = new ArrayList<>(ballots.size() * 8);
        for (Ballot ballot : ballots) {
            values.add(ballot.toolId());
            values.add(ballot.memberId());
            values.add(ballot.choice().name());
            // typed, so that a null costs no look-up of the parameter's type
            values.add(new SqlParameterValue(Types.BIGINT, ballot.flagId()));
            values.add(ballot.flagged());
            values.add(ballot.rejected());
            values.add(Timestamp.from(ballot.castAt()));
            values.add(Timestamp.from(ballot.updatedAt()));
        }
        return values;
    }

    private static String rows(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, ROW));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static Ballot map(ResultSet rs, int row) throws SQLException {
        long flagId = rs.getLong("flag_id");
        Long flag = rs.wasNull() ? null : flagId;
        return new Ballot(rs.getObject("tool_id", UUID.class), rs.getString("member_id"),
                Choice.valueOf(rs.getString("choice")), flag, rs.getBoolean("flagged"),
                rs.getBoolean("rejected"), rs.getTimestamp("cast_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private enum Kind { INSERT, SAVE, DELETE }

    private record Write(Kind kind, Ballot ballot) {
    }

    /** One batch's reads and held writes; it covers only the members it read. */
    private record Batch(UUID toolId, Set<String> members, Map<String, Ballot> read, Map<String, Write> writes) {

        Batch(UUID toolId, Set<String> members, Map<String, Ballot> read) {
            this(toolId, members, read, new LinkedHashMap<>());
        }

        boolean covers(UUID tool, String memberId) {
            return toolId.equals(tool) && members.contains(memberId);
        }
    }
}
