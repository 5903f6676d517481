package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.catalog.ToolStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's tools in its own PostgreSQL; writes check the version they replace (optimistic locking). */
@Repository
class ToolRepository {

    private static final String COLUMNS = """
            id, version, slug, name, vendor, category, tagline, description, license, status, created_at, updated_at""";

    private final JdbcClient jdbc;

    ToolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean slugExists(String slug) {
        return jdbc.sql("select exists (select 1 from tool where slug = ?)").param(slug)
                .query(Boolean.class).single();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the slug was taken concurrently. */
    void insert(Tool tool) {
        jdbc.sql("insert into tool (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tool.id(), tool.version(), tool.slug(), tool.name(), tool.vendor(), tool.category(),
                        tool.tagline(), tool.description(), tool.license(), tool.status().name(),
                        Timestamp.from(tool.createdAt()), Timestamp.from(tool.updatedAt()))
                .update();
    }

    /** Replaces the row only if it still holds the version before {@code tool}; false if someone got there first. */
    boolean update(Tool tool) {
        return jdbc.sql("""
                        update tool set version = ?, name = ?, vendor = ?, category = ?, tagline = ?,
                               description = ?, license = ?, status = ?, updated_at = ?
                         where id = ? and version = ?""")
                .params(tool.version(), tool.name(), tool.vendor(), tool.category(), tool.tagline(),
                        tool.description(), tool.license(), tool.status().name(), Timestamp.from(tool.updatedAt()),
                        tool.id(), tool.version() - 1)
                .update() == 1;
    }

    Optional<Tool> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from tool where slug = ?").param(slug)
                .query(ToolRepository::map).optional();
    }

    private static Tool map(ResultSet rs, int row) throws SQLException {
        return new Tool(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("slug"),
                rs.getString("name"), rs.getString("vendor"), rs.getString("category"), rs.getString("tagline"),
                rs.getString("description"), rs.getString("license"), ToolStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
