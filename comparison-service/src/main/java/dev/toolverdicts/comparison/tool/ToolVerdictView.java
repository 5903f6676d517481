package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.community.CommunityTally;
import java.util.List;

/**
 * The answer of a tool page: catalog facts, panel ship share, community share and the reviewers' verdicts.
 * Panel stays "no data" until the review service feeds it; community comes from vote-service's tallies.
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
        long catalogVersion,
        long communityVersion) {

    static ToolVerdictView of(ToolView tool, CommunityTally community) {
        return new ToolVerdictView(tool.slug(), tool.name(), tool.vendor(), tool.category(), tool.tagline(),
                tool.description(), tool.license(), Share.of(0, 0), Share.of(community.ship(), community.total()),
                List.of(), tool.catalogVersion(), community.version());
    }

    String etag() {
        return "\"" + catalogVersion + "." + communityVersion + "\"";
    }
}
