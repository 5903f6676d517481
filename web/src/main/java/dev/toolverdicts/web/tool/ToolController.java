package dev.toolverdicts.web.tool;

import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.ServiceFailure;
import dev.toolverdicts.web.api.ToolView;
import dev.toolverdicts.web.compare.MyVotes;
import dev.toolverdicts.web.history.VerdictTimeline;
import dev.toolverdicts.web.page.Concurrently;
import dev.toolverdicts.web.page.NotFound;
import dev.toolverdicts.web.page.Viewer;
import dev.toolverdicts.web.reviewer.Panel;
import dev.toolverdicts.web.reviewer.PanelRoster;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.ResourceAccessException;

/** A tool's own page: its card, every panel verdict with its take, the community vote, kept live by its stream. */
@Controller
class ToolController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private static final Logger LOG = LoggerFactory.getLogger(ToolController.class);

    private final ComparisonApi comparisons;
    private final MyVotes myVotes;
    private final Panel panel;
    private final ReviewApi reviews;

    ToolController(ComparisonApi comparisons, MyVotes myVotes, Panel panel, ReviewApi reviews) {
        this.comparisons = comparisons;
        this.myVotes = myVotes;
        this.panel = panel;
        this.reviews = reviews;
    }

    @GetMapping("/tools/{slug}")
    String tool(@PathVariable String slug, Viewer viewer, Model model) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFound("there is no tool at /tools/" + slug);
        }
        ToolView tool;
        PanelRoster roster;
        VerdictTimeline timeline;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<PanelRoster> panelRead = pool.submit(panel::rosterOrEmpty);
            Future<VerdictTimeline> history = pool.submit(() -> timeline(slug, PanelRoster.EMPTY));
            tool = comparisons.tool(slug).orElseThrow(() -> new NotFound("no published tool is called " + slug));
            roster = Concurrently.join(panelRead);
            timeline = Concurrently.join(history).withRoster(roster);
        }
        model.addAttribute("tool", tool);
        model.addAttribute("panel", roster);
        model.addAttribute("timeline", timeline);
        MyVotes.Ballots ballots = myVotes.of(List.of(tool), viewer);
        model.addAttribute("mine", ballots.of(slug));
        model.addAttribute("votingUnavailable", ballots.unavailable());
        model.addAttribute("back", "/tools/" + slug);
        model.addAttribute("stream", "/api/comparisons/tools/" + slug + "/stream");
        model.addAttribute("ogImage", "/cards/tools/" + slug + ".png");
        model.addAttribute("pageFeed", "/feeds/tools/" + slug + "/verdicts.atom");
        model.addAttribute("pageFeedTitle", "Tool Verdicts: verdicts on " + tool.name());
        model.addAttribute("description", tool.name() + " by " + tool.vendor() + ": " + tool.tagline()
                + " Panel " + tool.panel().percentText() + " ship, community " + tool.community().percentText() + ".");
        return "tool";
    }

    /** The panel's history on this tool; without review-service the page shows the current calls only. */
    private VerdictTimeline timeline(String slug, PanelRoster roster) {
        try {
            return VerdictTimeline.read(reviews, slug, roster);
        } catch (ServiceFailure | ResourceAccessException e) {
            LOG.warn("the verdict history of {} could not be read: {}", slug, e.getMessage());
            return VerdictTimeline.EMPTY;
        }
    }
}
