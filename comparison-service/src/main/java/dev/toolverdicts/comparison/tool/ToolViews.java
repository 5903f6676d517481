package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.cache.ContentTags;
import dev.toolverdicts.comparison.cache.HotViews;
import dev.toolverdicts.comparison.cache.Tagged;
import dev.toolverdicts.comparison.cache.ViewCacheKeys;
import dev.toolverdicts.comparison.community.CommunityTallies;
import dev.toolverdicts.comparison.panel.PanelRows;
import dev.toolverdicts.comparison.panel.ReviewerVerdict;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.comparison.store.ViewSchema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads tool views: assembled from one generation's rows, and served hot from memory for the active generation. */
@Component
public class ToolViews {

    private final ToolRows tools;
    private final PanelRows panel;
    private final CommunityTallies community;
    private final ViewGenerations generations;
    private final HotViews hot;
    private final ContentTags tags;

    ToolViews(ToolRows tools, PanelRows panel, CommunityTallies community, ViewGenerations generations, HotViews hot,
            ContentTags tags) {
        this.tools = tools;
        this.panel = panel;
        this.community = community;
        this.generations = generations;
        this.hot = hot;
        this.tags = tags;
    }

    /** The published tool's view, from memory when hot. */
    public Optional<Tagged<ToolVerdictView>> get(String slug) {
        return hot.get(ViewCacheKeys.tool(slug), () -> load(generations.active(), slug).map(tags::tag));
    }

    /** The published tool's view as the rows of this generation say. */
    public Optional<ToolVerdictView> load(ViewSchema schema, String slug) {
        return tools.findPublished(schema, slug).map(tool -> {
            List<ReviewerVerdict> verdicts = panel.currentVerdicts(schema, List.of(tool.toolId())).stream()
                    .map(PanelRows.ToolVerdict::verdict).toList();
            return ToolVerdictView.of(tool, verdicts, community.of(schema, tool.toolId()));
        });
    }

    /** Published tools ranked, one page of them. */
    public ToolList ranked(ViewSchema schema, ToolRank rank, int offset, int limit) {
        List<RankedTool> all = tools.published(schema).stream().map(RankedTool::of).sorted(rank.order()).toList();
        List<RankedTool> page = all.stream().skip(offset).limit(limit).toList();
        return new ToolList(rank.name().toLowerCase(Locale.ROOT), all.size(), offset, limit, page);
    }

    public ToolList ranked(ToolRank rank, int offset, int limit) {
        return ranked(generations.active(), rank, offset, limit);
    }
}
