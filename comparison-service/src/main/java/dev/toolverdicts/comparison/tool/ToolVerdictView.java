package dev.toolverdicts.comparison.tool;

import java.util.List;

/**
 * The answer of a tool page: catalog facts, panel ship share, community share and the reviewers' verdicts.
 * Panel and community stay "no data" until the review and vote services feed them.
 */
record ToolVerdictView(
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        Share panel,
        Share community,
        List<Object> reviewers,
        long catalogVersion) {

    static ToolVerdictView of(ToolView tool) {
        return new ToolVerdictView(tool.slug(), tool.name(), tool.vendor(), tool.category(), tool.tagline(),
                tool.description(), tool.license(), Share.of(0, 0), Share.of(0, 0), List.of(),
                tool.catalogVersion());
    }

    String etag() {
        return "\"" + catalogVersion + "\"";
    }
}
