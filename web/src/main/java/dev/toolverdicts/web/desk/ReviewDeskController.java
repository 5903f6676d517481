package dev.toolverdicts.web.desk;

import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.RankedTool;
import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.Reviewer;
import dev.toolverdicts.web.api.ServiceFailure;
import dev.toolverdicts.web.api.Verdict;
import dev.toolverdicts.web.page.BadInput;
import dev.toolverdicts.web.page.SignInRequired;
import dev.toolverdicts.web.page.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewer's desk: their current verdicts, forms to submit, revise and withdraw, and each verdict's revision
 * history. Writes go to review-service with the reviewer's own token; what it rejects is shown on the desk.
 */
@Controller
class ReviewDeskController {

    private static final Set<String> CALLS = Set.of("SHIP", "SKIP");
    private static final Set<String> DONE = Set.of("submitted", "revised", "withdrawn");

    private final ReviewApi reviews;
    private final ComparisonApi comparisons;
    private final ReviewerLookup lookup;

    ReviewDeskController(ReviewApi reviews, ComparisonApi comparisons, ReviewerLookup lookup) {
        this.reviews = reviews;
        this.comparisons = comparisons;
        this.lookup = lookup;
    }

    @GetMapping("/desk/reviews")
    String desk(@RequestParam(required = false) String done, @RequestParam(required = false) String tool,
            Viewer viewer, Model model) {
        requireReviewer(viewer);
        if (done != null && DONE.contains(done)) {
            model.addAttribute("done", "Your verdict" + (tool == null ? "" : " on " + tool) + " was " + done + ".");
        }
        return render(viewer, model);
    }

    @PostMapping("/desk/reviews/verdicts")
    String submit(@RequestParam(required = false) String tool, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String take, Viewer viewer, Model model, HttpServletResponse response) {
        requireReviewer(viewer);
        checkCall(verdict, take);
        if (tool == null || tool.isBlank()) {
            throw new BadInput("choose the tool your verdict is on");
        }
        try {
            Verdict saved = reviews.submit(tool, verdict, take, viewer.token().orElseThrow());
            return "redirect:/desk/reviews?done=submitted&tool=" + saved.toolSlug();
        } catch (ServiceFailure failure) {
            return rejected(failure, viewer, model, response);
        }
    }

    @PostMapping("/desk/reviews/verdicts/{id}")
    String revise(@PathVariable String id, @RequestParam long version, @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String take, Viewer viewer, Model model, HttpServletResponse response) {
        requireReviewer(viewer);
        checkCall(verdict, take);
        try {
            Verdict saved = reviews.revise(id, version, verdict, take, viewer.token().orElseThrow());
            return "redirect:/desk/reviews?done=revised&tool=" + saved.toolSlug();
        } catch (ServiceFailure failure) {
            return rejected(failure, viewer, model, response);
        }
    }

    @PostMapping("/desk/reviews/verdicts/{id}/withdraw")
    String withdraw(@PathVariable String id, @RequestParam long version, Viewer viewer, Model model,
            HttpServletResponse response) {
        requireReviewer(viewer);
        try {
            Verdict saved = reviews.withdraw(id, version, viewer.token().orElseThrow());
            return "redirect:/desk/reviews?done=withdrawn&tool=" + saved.toolSlug();
        } catch (ServiceFailure failure) {
            return rejected(failure, viewer, model, response);
        }
    }

    @GetMapping("/desk/reviews/verdicts/{id}")
    String history(@PathVariable String id, Viewer viewer, Model model) {
        requireReviewer(viewer);
        model.addAttribute("verdict", reviews.verdict(id));
        model.addAttribute("revisions", reviews.revisions(id));
        return "desk/history";
    }

    private String render(Viewer viewer, Model model) {
        Optional<Reviewer> me = lookup.find(viewer);
        List<Verdict> mine = me.map(reviewer -> reviews.verdictsOf(reviewer.id())).orElse(List.of());
        Set<String> judged = mine.stream().map(Verdict::toolSlug).collect(Collectors.toSet());
        List<RankedTool> open = comparisons.ranked("panel", 0, 100).items().stream()
                .filter(tool -> !judged.contains(tool.slug())).toList();
        model.addAttribute("me", me.orElse(null));
        model.addAttribute("verdicts", mine);
        model.addAttribute("openTools", open);
        return "desk/reviews";
    }

    private String rejected(ServiceFailure failure, Viewer viewer, Model model, HttpServletResponse response) {
        if (failure.status() >= 500) {
            throw failure;
        }
        response.setStatus(failure.status() == 412 || failure.status() == 409 ? 409 : 422);
        model.addAttribute("problem", failure.detail());
        model.addAttribute("problemFields", failure.errors());
        return render(viewer, model);
    }

    private static void requireReviewer(Viewer viewer) {
        if (!viewer.isReviewer()) {
            throw new SignInRequired("REVIEWER");
        }
    }

    private static void checkCall(String verdict, String take) {
        if (verdict == null || !CALLS.contains(verdict)) {
            throw new BadInput("a verdict is SHIP or SKIP");
        }
        if (take == null || take.isBlank()) {
            throw new BadInput("write your take: a verdict needs a sentence or more on why");
        }
    }
}
