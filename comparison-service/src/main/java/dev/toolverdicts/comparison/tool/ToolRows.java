package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.events.EventCodec;
import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.events.catalog.ToolFacts;
import dev.toolverdicts.events.catalog.ToolLinks;
import dev.toolverdicts.events.catalog.ToolPricing;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tool rows of one generation; an event lands only if it is newer than the row, so replays are harmless. Rows of
 * archived tools stay as tombstones, so a late older event can never bring an archived tool back.
 */
@Repository
public class ToolRows {

    private static final String COLUMNS = """
            t.tool_id, t.slug, t.name, t.vendor, t.category, t.tagline, t.description, t.license,
            t.pricing::text as pricing, t.facts::text as facts, t.links::text as links, t.logo_url, t.version""";

    private final JdbcClient jdbc;

    ToolRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if the event was newer than what the view held and is now applied; false for duplicates and older ones. */
    boolean apply(ViewSchema schema, ToolEvent event) {
        return jdbc.sql("""
                        insert into %s as t (tool_id, slug, name, vendor, category, tagline, description, license,
                                             status, pricing, facts, links, logo_url, version, changed_at)
                        values (:id, :slug, :name, :vendor, :category, :tagline, :description, :license, :status,
                                cast(:pricing as jsonb), cast(:facts as jsonb), cast(:links as jsonb), :logoUrl,
                                :version, :changedAt)
                        on conflict (tool_id) do update
                           set slug = excluded.slug, name = excluded.name, vendor = excluded.vendor,
                               category = excluded.category, tagline = excluded.tagline,
                               description = excluded.description, license = excluded.license,
                               status = excluded.status, pricing = excluded.pricing, facts = excluded.facts,
                               links = excluded.links, logo_url = excluded.logo_url, version = excluded.version,
                               changed_at = excluded.changed_at
                         where t.version < excluded.version""".formatted(schema.table("tool")))
                .param("id", event.toolId())
                .param("slug", event.slug())
                .param("name", event.name())
                .param("vendor", event.vendor())
                .param("category", event.category())
                .param("tagline", event.tagline())
                .param("description", event.description())
                .param("license", event.license())
                .param("status", event.status().name())
                .param("pricing", json(event.pricing()))
                .param("facts", json(event.facts()))
                .param("links", json(event.links()))
                .param("logoUrl", event.logoUrl())
                .param("version", event.version())
                .param("changedAt", Timestamp.from(event.changedAt()))
                .update() == 1;
    }

    /** The published tool with this slug; drafts and archived tools are not shown. */
    Optional<ToolRow> findPublished(ViewSchema schema, String slug) {
        return jdbc.sql("select " + COLUMNS + " from " + schema.table("tool") + " t "
                        + "where t.slug = ? and t.status = 'PUBLISHED' order by t.changed_at desc, t.tool_id limit 1")
                .param(slug)
                .query(ToolRows::row)
                .optional();
    }

    /** Every published tool with its panel and community counts, for the ranked lists. */
    List<ToolCounts> published(ViewSchema schema) {
        return jdbc.sql("""
                        with panel as (
                            select v.tool_id, count(*) filter (where v.verdict = 'SHIP') as ship, count(*) as total
                              from %2$s v left join %3$s r on r.reviewer_id = v.reviewer_id
                             where v.status = 'SUBMITTED' and coalesce(r.active, true)
                             group by v.tool_id)
                        select %5$s, coalesce(p.ship, 0) as panel_ship, coalesce(p.total, 0) as panel_total,
                               coalesce(c.ship, 0) as community_ship, coalesce(c.ship + c.skip, 0) as community_total
                          from %1$s t left join panel p on p.tool_id = t.tool_id
                                      left join %4$s c on c.tool_id = t.tool_id
                         where t.status = 'PUBLISHED'"""
                        .formatted(schema.table("tool"), schema.table("verdict"), schema.table("reviewer"),
                                schema.table("community_tally"), COLUMNS))
                .query((rs, n) -> new ToolCounts(row(rs, n), rs.getLong("panel_ship"), rs.getLong("panel_total"),
                        rs.getLong("community_ship"), rs.getLong("community_total")))
                .list();
    }

    private static ToolRow row(ResultSet rs, int row) throws SQLException {
        return new ToolRow(rs.getObject("tool_id", UUID.class), rs.getString("slug"), rs.getString("name"),
                rs.getString("vendor"), rs.getString("category"), rs.getString("tagline"), rs.getString("description"),
                rs.getString("license"), decode(rs.getString("pricing"), ToolPricing.class),
                decode(rs.getString("facts"), ToolFacts.class), decode(rs.getString("links"), ToolLinks.class),
                rs.getString("logo_url"), rs.getLong("version"));
    }

    private static String json(Object value) {
        return value == null ? null : new String(EventCodec.encode(value), StandardCharsets.UTF_8);
    }

    private static <T> T decode(String json, Class<T> type) {
        return json == null ? null : EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** A published tool with the counts its shares are made of. */
    record ToolCounts(ToolRow tool, long panelShip, long panelTotal, long communityShip, long communityTotal) {
    }
}
