package dev.toolverdicts.web.history;

import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.ServiceFailure;
import dev.toolverdicts.web.api.ToolView;
import dev.toolverdicts.web.api.Verdict;
import dev.toolverdicts.web.page.NotFound;
import dev.toolverdicts.web.reviewer.Panel;
import dev.toolverdicts.web.reviewer.PanelRoster;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.ResourceAccessException;

/**
 * One verdict's whole history in public at {@code /verdicts/{id}}: every call, take and pinned model version, headed
 * by the tool's name (review-service knows only its slug; comparison-service's view names it).
 */
@Controller
class VerdictHistoryController {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ReviewApi reviews;
    private final ComparisonApi comparisons;
    private final Panel panel;

    VerdictHistoryController(ReviewApi reviews, ComparisonApi comparisons, Panel panel) {
        this.reviews = reviews;
        this.comparisons = comparisons;
        this.panel = panel;
    }

    @GetMapping("/verdicts/{id}")
    String history(@PathVariable String id, Model model) {
        if (!ID.matcher(id).matches()) {
            throw new NotFound("there is no verdict at /verdicts/" + id);
        }
        Verdict verdict = reviews.findVerdict(id).orElseThrow(() -> new NotFound("no verdict has the id " + id));
        PanelRoster roster = panel.rosterOrEmpty();
        model.addAttribute("verdict", verdict);
        model.addAttribute("member", roster.byId(verdict.reviewerId()));
        model.addAttribute("toolName", toolName(verdict.toolSlug()));
        model.addAttribute("timeline", VerdictTimeline.of(List.of(verdict), Map.of(id, reviews.revisions(id)),
                roster));
        return "verdict";
    }

    /** The tool's name, or its slug when comparison-service does not know it or cannot answer: the history still shows. */
    private String toolName(String slug) {
        try {
            return comparisons.tool(slug).map(ToolView::name).orElse(slug);
        } catch (ServiceFailure | ResourceAccessException e) {
            return slug;
        }
    }
}
