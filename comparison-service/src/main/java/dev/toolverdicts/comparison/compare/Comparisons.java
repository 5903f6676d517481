package dev.toolverdicts.comparison.compare;

import dev.toolverdicts.comparison.cache.ContentTags;
import dev.toolverdicts.comparison.cache.HotViews;
import dev.toolverdicts.comparison.cache.Tagged;
import dev.toolverdicts.comparison.cache.ViewCacheKeys;
import dev.toolverdicts.comparison.panel.PanelReviewer;
import dev.toolverdicts.comparison.panel.PanelRows;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.comparison.store.ViewSchema;
import dev.toolverdicts.comparison.tool.ToolVerdictView;
import dev.toolverdicts.comparison.tool.ToolViews;
import dev.toolverdicts.problem.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Comparisons of 2–4 tools, composed from the hot tool views and the hot panel roster (so an ad-hoc comparison costs
 * no query once its tools are hot); the ETag is derived from the ETags of its parts.
 */
@Component
public class Comparisons {

    private final ToolViews tools;
    private final PanelRows panel;
    private final ViewGenerations generations;
    private final HotViews hot;
    private final ContentTags tags;

    Comparisons(ToolViews tools, PanelRows panel, ViewGenerations generations, HotViews hot, ContentTags tags) {
        this.tools = tools;
        this.panel = panel;
        this.generations = generations;
        this.hot = hot;
        this.tags = tags;
    }

    /**
     * The comparison a {@code tools=a,b,c} parameter asks for (its page, its share card): 400 unless it names 2 to 4
     * different slugs, 404 when one of them names no published tool.
     */
    public Tagged<Comparison> asked(String tools) {
        List<String> slugs = tools == null ? List.of() : Arrays.stream(tools.split(",")).map(String::strip)
                .filter(slug -> !slug.isEmpty()).distinct().toList();
        if (slugs.size() < 2 || slugs.size() > 4) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "tools", "name 2 to 4 different tool slugs, comma-separated");
        }
        Result result = compare(slugs);
        if (!result.missing().isEmpty()) {
            throw new FieldProblem(HttpStatus.NOT_FOUND, "tools",
                    "no published tool is called " + String.join(", ", result.missing()));
        }
        return result.comparison();
    }

    /** The comparison, or the slugs that name no published tool. */
    public Result compare(List<String> slugs) {
        List<Tagged<ToolVerdictView>> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String slug : slugs) {
            tools.get(slug).ifPresentOrElse(found::add, () -> missing.add(slug));
        }
        if (!missing.isEmpty()) {
            return new Result(null, missing);
        }
        Tagged<List<PanelReviewer>> roster = roster();
        List<String> parts = new ArrayList<>(found.stream().map(Tagged::etag).toList());
        parts.add(roster.etag());
        Comparison comparison = Comparison.of(found.stream().map(Tagged::body).toList(), roster.body());
        return new Result(tags.composite(comparison, parts), List.of());
    }

    /** The comparison as the rows of this generation say; empty if a slug names no published tool. */
    public Optional<Comparison> load(ViewSchema schema, List<String> slugs) {
        List<ToolVerdictView> views = new ArrayList<>();
        for (String slug : slugs) {
            Optional<ToolVerdictView> view = tools.load(schema, slug);
            if (view.isEmpty()) {
                return Optional.empty();
            }
            views.add(view.get());
        }
        return Optional.of(Comparison.of(views, panel.roster(schema)));
    }

    public Tagged<List<PanelReviewer>> roster() {
        return hot.get(ViewCacheKeys.ROSTER, () -> Optional.of(tags.tag(panel.roster(generations.active()))))
                .orElseThrow();
    }

    /** A comparison with its ETag, or the slugs that name no published tool. */
    public record Result(Tagged<Comparison> comparison, List<String> missing) {
    }
}
