package dev.toolverdicts.web.history;

import dev.toolverdicts.web.api.ReviewApi;
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

/** One verdict's whole history in public at {@code /verdicts/{id}}: every call, take and pinned model version. */
@Controller
class VerdictHistoryController {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ReviewApi reviews;
    private final Panel panel;

    VerdictHistoryController(ReviewApi reviews, Panel panel) {
        this.reviews = reviews;
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
        model.addAttribute("timeline", VerdictTimeline.of(List.of(verdict), Map.of(id, reviews.revisions(id)),
                roster));
        return "verdict";
    }
}
