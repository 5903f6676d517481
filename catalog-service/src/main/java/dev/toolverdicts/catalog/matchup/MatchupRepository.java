package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.catalog.http.PageParams;
import dev.toolverdicts.events.catalog.MatchupStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Matchups in the catalog's PostgreSQL, read with their tools' current slugs and names; writes check the version. */
@Repository
class MatchupRepository {

    private static final String SELECT = """
            select m.id, m.version, m.slug, m.headline, m.status, m.published_at, m.created_at, m.updated_at,
                   a.id as a_id, a.slug as a_slug, a.name as a_name, b.id as b_id, b.slug as b_slug, b.name as b_name
              from matchup m join tool a on a.id = m.tool_a_id join tool b on b.id = m.tool_b_id""";

    private final JdbcClient jdbc;

    MatchupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean slugExists(String slug) {
        return jdbc.sql("select exists (select 1 from matchup where slug = ?)").param(slug)
                .query(Boolean.class).single();
    }

    /** The slug of the matchup of these two tools, in either order, if there is one. */
    Optional<String> slugOfPair(UUID toolA, UUID toolB) {
        return jdbc.sql("""
                        select slug from matchup
                         where least(tool_a_id, tool_b_id) = least(?::uuid, ?::uuid)
                           and greatest(tool_a_id, tool_b_id) = greatest(?::uuid, ?::uuid)""")
                .params(toolA, toolB, toolA, toolB).query(String.class).optional();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the slug or pair was taken concurrently. */
    void insert(Matchup m) {
        jdbc.sql("""
                        insert into matchup (id, version, slug, tool_a_id, tool_b_id, headline, status, published_at,
                               created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.version(), m.slug(), m.toolA().id(), m.toolB().id(), m.headline(),
                        m.status().name(), timestamp(m.publishedAt()), timestamp(m.createdAt()),
                        timestamp(m.updatedAt()))
                .update();
    }

    /** Replaces the row only if it still holds the version before {@code m}; false if someone got there first. */
    boolean update(Matchup m) {
        return jdbc.sql("""
                        update matchup set version = ?, headline = ?, status = ?, published_at = ?, updated_at = ?
                         where id = ? and version = ?""")
                .params(m.version(), m.headline(), m.status().name(), timestamp(m.publishedAt()),
                        timestamp(m.updatedAt()), m.id(), m.version() - 1)
                .update() == 1;
    }

    Optional<Matchup> findBySlug(String slug) {
        return jdbc.sql(SELECT + " where m.slug = ?").param(slug).query(MatchupRepository::map).optional();
    }

    /** Published matchups, latest first. */
    List<Matchup> published(PageParams page) {
        return jdbc.sql(SELECT + " where m.status = ? order by m.published_at desc, m.id limit ? offset ?")
                .params(MatchupStatus.PUBLISHED.name(), page.size(), page.offset())
                .query(MatchupRepository::map).list();
    }

    long countPublished() {
        return jdbc.sql("select count(*) from matchup where status = ?").param(MatchupStatus.PUBLISHED.name())
                .query(Long.class).single();
    }

    private static Matchup map(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Matchup(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("slug"),
                new MatchupSide(rs.getObject("a_id", UUID.class), rs.getString("a_slug"), rs.getString("a_name")),
                new MatchupSide(rs.getObject("b_id", UUID.class), rs.getString("b_slug"), rs.getString("b_name")),
                rs.getString("headline"), MatchupStatus.valueOf(rs.getString("status")),
                published == null ? null : published.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
