package dev.toolverdicts.web.reviewer;

import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.RankedTool;
import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.Revision;
import dev.toolverdicts.web.api.Share;
import dev.toolverdicts.web.api.Verdict;
import dev.toolverdicts.web.page.Concurrently;
import dev.toolverdicts.web.page.Lenses;
import dev.toolverdicts.web.page.NotFound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The panel in public: {@code /reviewers} lists it, {@code /reviewers/{slug}} shows one reviewer's lens, bio,
 * disclosure, every current verdict and their record, so a reader can check who is behind a call.
 */
@Controller
class ReviewerController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Panel panel;
    private final ReviewApi reviews;
    private final ComparisonApi comparisons;
    private final Lenses lenses;

    ReviewerController(Panel panel, ReviewApi reviews, ComparisonApi comparisons, Lenses lenses) {
        this.panel = panel;
        this.reviews = reviews;
        this.comparisons = comparisons;
        this.lenses = lenses;
    }

    @GetMapping("/reviewers")
    String panel(Model model) {
        model.addAttribute("roster", panel.roster());
        return "reviewers";
    }

    @GetMapping("/reviewers/{slug}")
    String reviewer(@PathVariable String slug, Model model) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFound("there is no reviewer at /reviewers/" + slug);
        }
        PanelRoster roster = panel.roster();
        Optional<PanelMember> found = roster.bySlug(slug);
        if (found.isEmpty() && UUID.matcher(slug).matches() && roster.byId(slug) != null) {
            return "redirect:" + roster.byId(slug).path();
        }
        PanelMember member = found.orElseThrow(() -> new NotFound("no panel reviewer has the address /reviewers/"
                + slug));
        model.addAttribute("pageFeed", "/feeds/reviewers/" + member.reviewer().id() + "/verdicts.atom");
        model.addAttribute("pageFeedTitle", "Tool Verdicts: verdicts by " + member.reviewer().displayName());
        Future<List<RankedTool>> ranked;
        List<Verdict> verdicts;
        Map<String, List<Revision>> revisions;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            ranked = pool.submit(() -> comparisons.ranked("panel", 0, 100).items());
            verdicts = reviews.verdictsOf(member.reviewer().id());
            revisions = Concurrently.each(verdicts.stream().map(Verdict::id).toList(), reviews::revisions);
        }
        List<RankedTool> tools = Concurrently.join(ranked);
        Map<String, Share> community = tools.stream()
                .collect(Collectors.toMap(RankedTool::slug, RankedTool::community, (a, b) -> a));
        Map<String, String> names = tools.stream()
                .collect(Collectors.toMap(RankedTool::slug, RankedTool::name, (a, b) -> a));
        model.addAttribute("member", member);
        model.addAttribute("reviewer", member.reviewer());
        model.addAttribute("record", ReviewerRecord.of(verdicts, revisions, community, names));
        model.addAttribute("title", member.reviewer().displayName() + ", " + lenses.name(member.reviewer().lens())
                + " on the panel · Tool Verdicts");
        model.addAttribute("description", member.reviewer().displayName() + ", the panel's "
                + member.reviewer().lens().toLowerCase(java.util.Locale.ROOT) + ": every current verdict, SHIP rate, "
                + "flips and agreement with the community.");
        return "reviewer";
    }
}
