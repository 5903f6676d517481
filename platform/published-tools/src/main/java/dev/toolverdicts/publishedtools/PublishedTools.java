package dev.toolverdicts.publishedtools;

import dev.toolverdicts.events.catalog.ToolStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Answers "which tool is this, and is it published?" from the service's own copy, never by calling the catalog. */
public class PublishedTools {

    private static final String COLUMNS = "select tool_id, slug, status, catalog_version from published_tool";

    private final JdbcClient jdbc;

    PublishedTools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublishedTool> findById(UUID toolId) {
        return jdbc.sql(COLUMNS + " where tool_id = ?").param(toolId).query(PublishedTools::map).optional();
    }

    /** The tool with this slug, a published one first (the latest changed) should a slug ever have been reused. */
    public Optional<PublishedTool> findBySlug(String slug) {
        return jdbc.sql(COLUMNS + " where slug = ? order by (status = 'PUBLISHED') desc, changed_at desc limit 1")
                .param(slug)
                .query(PublishedTools::map).optional();
    }

    /** The published tool with this slug; empty for unknown, draft and archived ones. */
    public Optional<PublishedTool> findPublished(String slug) {
        return findBySlug(slug).filter(PublishedTool::published);
    }

    private static PublishedTool map(ResultSet rs, int row) throws SQLException {
        return new PublishedTool(rs.getObject("tool_id", UUID.class), rs.getString("slug"),
                ToolStatus.valueOf(rs.getString("status")), rs.getLong("catalog_version"));
    }
}
