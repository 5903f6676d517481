package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.catalog.http.PageParams;
import dev.toolverdicts.events.catalog.ToolStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public list of published tools: filters and PostgreSQL full-text search (the generated, weighted
 * {@code tool.search} vector: name first, then vendor and tagline, then description) in one SQL query.
 */
@Repository
class ToolSearch {

    private final JdbcClient jdbc;

    ToolSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Result(List<Tool> tools, long total) {
    }

    Result find(ToolQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where t.status = :status");
        params.put("status", ToolStatus.PUBLISHED.name());
        if (hasText(query.q())) {
            where.append(" and t.search @@ websearch_to_tsquery('english', :q)");
            params.put("q", query.q().strip());
        }
        if (hasText(query.category())) {
            where.append(" and lower(t.category) = lower(:category)");
            params.put("category", query.category().strip());
        }
        if (hasText(query.license())) {
            where.append(" and lower(t.license) = lower(:license)");
            params.put("license", query.license().strip());
        }
        if (query.pricing() != null) {
            where.append(" and t.pricing_model = :pricing");
            params.put("pricing", query.pricing().name());
        }
        if (query.openWeights() != null) {
            where.append(" and t.open_weights = :openWeights");
            params.put("openWeights", query.openWeights());
        }
        if (query.minParams() != null || query.maxParams() != null) {
            where.append(" and exists (select 1 from unnest(t.parameters_billions) p where true");
            if (query.minParams() != null) {
                where.append(" and p >= :minParams");
                params.put("minParams", query.minParams());
            }
            if (query.maxParams() != null) {
                where.append(" and p <= :maxParams");
                params.put("maxParams", query.maxParams());
            }
            where.append(")");
        }
        long total = jdbc.sql("select count(*) from tool t" + where).params(params).query(Long.class).single();
        PageParams page = query.pageParams();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Tool> tools = jdbc.sql("select " + ToolRepository.COLUMNS + " from tool t" + where + " order by "
                        + query.toolSort().orderBy() + " limit :limit offset :offset")
                .params(params).query(ToolRepository::map).list();
        return new Result(tools, total);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
