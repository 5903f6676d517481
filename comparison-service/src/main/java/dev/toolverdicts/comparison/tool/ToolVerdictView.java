package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.community.CommunityTally;
import dev.toolverdicts.comparison.panel.ReviewerVerdict;
import dev.toolverdicts.events.catalog.ToolFacts;
import dev.toolverdicts.events.catalog.ToolLinks;
import dev.toolverdicts.events.catalog.ToolPricing;
import dev.toolverdicts.events.review.ShipOrSkip;
import java.util.List;
import java.util.UUID;

/**
 * The answer of a tool page: catalog facts (with the editor's logo URL, null when there is none), the Entry read
 * and license, panel ship share, community share (with its interval), and each panel reviewer's current verdict
 * and take, in panel order.
 */
public record ToolVerdictView(
        UUID toolId,
        String slug,
        String name,
        String vendor,
        String category,
        String tagline,
        String description,
        String license,
        String entry,
        ToolPricing pricing,
        ToolFacts facts,
        ToolLinks links,
        String logoUrl,
        Share panel,
        Share community,
        List<ReviewerVerdict> reviewers,
        long catalogVersion,
        long communityVersion) {

    static ToolVerdictView of(ToolRow tool, List<ReviewerVerdict> verdicts, CommunityTally community) {
        List<ReviewerVerdict> panel = verdicts.stream().sorted(ReviewerVerdict.PANEL_ORDER).toList();
        long ship = panel.stream().filter(v -> v.verdict() == ShipOrSkip.SHIP).count();
        return new ToolVerdictView(tool.toolId(), tool.slug(), tool.name(), tool.vendor(), tool.category(),
                tool.tagline(), tool.description(), tool.license(), tool.entry(), tool.pricing(), tool.facts(),
                tool.links(), tool.logoUrl(), Share.of(ship, panel.size()), Share.withInterval(community.ship(), community.total()),
                panel, tool.version(), community.version());
    }
}
