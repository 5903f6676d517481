package dev.toolverdicts.web.tool;

import dev.toolverdicts.web.api.CatalogApi;
import dev.toolverdicts.web.api.CatalogPage;
import dev.toolverdicts.web.api.CatalogTool;
import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.RankedTool;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Browsing the catalog: search and filters go to catalog-service's list, and each hit shows the panel and community
 * shares from comparison-service's ranked list; ticking 2–4 tools compares them.
 */
@Controller
class BrowseController {

    private final CatalogApi catalog;
    private final ComparisonApi comparisons;

    BrowseController(CatalogApi catalog, ComparisonApi comparisons) {
        this.catalog = catalog;
        this.comparisons = comparisons;
    }

    @GetMapping("/tools")
    String browse(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String license, @RequestParam(required = false) String pricing,
            @RequestParam(required = false) String openWeights, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, Model model) {
        BrowseQuery query = BrowseQuery.of(q, category, license, pricing, openWeights, sort, page);
        CatalogPage<CatalogTool> result = catalog.tools(query.apiParams());
        List<RankedTool> ranked = comparisons.ranked("panel", 0, 100).items();
        Map<String, RankedTool> shares = ranked.stream()
                .collect(Collectors.toMap(RankedTool::slug, Function.identity(), (a, b) -> a));
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("shares", shares);
        model.addAttribute("categories", ranked.stream().map(RankedTool::category).distinct().sorted().toList());
        model.addAttribute("pricings", BrowseQuery.PRICING);
        model.addAttribute("previous", result.page() > 0 ? query.link(result.page() - 1) : null);
        model.addAttribute("next", result.page() + 1 < result.totalPages() ? query.link(result.page() + 1) : null);
        return "tools";
    }
}
