package dev.toolverdicts.catalog.tool;

/**
 * The orders the public tool list offers; a leading {@code -} reverses one. Without a sort, a search orders by
 * relevance and a plain list by name. Every order ends on the tool id, so pages never overlap.
 */
enum ToolSort {
    NAME("lower(t.name) asc"),
    NAME_DESC("lower(t.name) desc"),
    UPDATED("t.updated_at asc"),
    UPDATED_DESC("t.updated_at desc"),
    RELEASED("t.release_date asc nulls last"),
    RELEASED_DESC("t.release_date desc nulls last"),
    RELEVANCE("ts_rank(t.search, websearch_to_tsquery('english', :q)) desc, lower(t.name) asc");

    static final String PATTERN = "^(-?(name|updated|released)|relevance)$";
    static final String RULE = "must be one of name, -name, updated, -updated, released, -released, relevance";

    private final String orderBy;

    ToolSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy + ", t.id";
    }

    static ToolSort parse(String sort, boolean searching) {
        if (sort == null || sort.isBlank()) {
            return searching ? RELEVANCE : NAME;
        }
        return switch (sort) {
            case "name" -> NAME;
            case "-name" -> NAME_DESC;
            case "updated" -> UPDATED;
            case "-updated" -> UPDATED_DESC;
            case "released" -> RELEASED;
            case "-released" -> RELEASED_DESC;
            case "relevance" -> searching ? RELEVANCE : NAME;
            default -> throw new IllegalArgumentException("unknown sort " + sort);
        };
    }
}
