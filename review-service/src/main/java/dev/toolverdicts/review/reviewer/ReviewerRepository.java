package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.review.Lens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The panel's reviewers in the service's own PostgreSQL; writes check the version they replace. */
@Repository
public class ReviewerRepository {

    private static final String COLUMNS = """
            id, version, user_id, display_name, lens, bio, disclosure, active, created_at, updated_at""";

    private final JdbcClient jdbc;

    ReviewerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean userIdExists(String userId) {
        return jdbc.sql("select exists (select 1 from reviewer where user_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the user was linked concurrently. */
    void insert(Reviewer reviewer) {
        jdbc.sql("insert into reviewer (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(reviewer.id(), reviewer.version(), reviewer.userId(), reviewer.displayName(),
                        reviewer.lens().name(), reviewer.bio(), reviewer.disclosure(), reviewer.active(),
                        Timestamp.from(reviewer.createdAt()), Timestamp.from(reviewer.updatedAt()))
                .update();
    }

    /** Replaces the row only if it still holds the version before {@code reviewer}; false if someone got there first. */
    boolean update(Reviewer reviewer) {
        return jdbc.sql("""
                        update reviewer set version = ?, display_name = ?, lens = ?, bio = ?, disclosure = ?,
                               active = ?, updated_at = ?
                         where id = ? and version = ?""")
                .params(reviewer.version(), reviewer.displayName(), reviewer.lens().name(), reviewer.bio(),
                        reviewer.disclosure(), reviewer.active(), Timestamp.from(reviewer.updatedAt()),
                        reviewer.id(), reviewer.version() - 1)
                .update() == 1;
    }

    public Optional<Reviewer> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reviewer where id = ?").param(id)
                .query(ReviewerRepository::map).optional();
    }

    public Optional<Reviewer> findByUserId(String userId) {
        return jdbc.sql("select " + COLUMNS + " from reviewer where user_id = ?").param(userId)
                .query(ReviewerRepository::map).optional();
    }

    List<Reviewer> findAll() {
        return jdbc.sql("select " + COLUMNS + " from reviewer order by active desc, display_name, id")
                .query(ReviewerRepository::map).list();
    }

    private static Reviewer map(ResultSet rs, int row) throws SQLException {
        return new Reviewer(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("user_id"),
                rs.getString("display_name"), Lens.valueOf(rs.getString("lens")), rs.getString("bio"),
                rs.getString("disclosure"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
