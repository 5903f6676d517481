package dev.toolverdicts.comparison.tool;

/**
 * One line of a ranked tool list: what a list page shows, with the gap in points between panel and community
 * ({@code panel − community}; null unless both have data).
 */
public record RankedTool(
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String logoUrl,
        String license,
        String entry,
        Share panel,
        Share community,
        Integer gap) {

    static RankedTool of(ToolRows.ToolCounts counts) {
        ToolRow tool = counts.tool();
        Share panel = Share.of(counts.panelShip(), counts.panelTotal());
        Share community = Share.withInterval(counts.communityShip(), counts.communityTotal());
        Integer gap = panel.hasData() && community.hasData() ? panel.percent() - community.percent() : null;
        return new RankedTool(tool.slug(), tool.name(), tool.vendor(), tool.category(), tool.tagline(),
                tool.logoUrl(), tool.license(), tool.entry(), panel, community, gap);
    }
}
