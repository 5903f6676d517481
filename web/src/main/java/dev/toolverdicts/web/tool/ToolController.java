package dev.toolverdicts.web.tool;

import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.ToolView;
import dev.toolverdicts.web.compare.MyVotes;
import dev.toolverdicts.web.page.NotFound;
import dev.toolverdicts.web.page.Viewer;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A tool's own page: its card, every panel verdict with its take, the community vote, kept live by its stream. */
@Controller
class ToolController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final ComparisonApi comparisons;
    private final MyVotes myVotes;

    ToolController(ComparisonApi comparisons, MyVotes myVotes) {
        this.comparisons = comparisons;
        this.myVotes = myVotes;
    }

    @GetMapping("/tools/{slug}")
    String tool(@PathVariable String slug, Viewer viewer, Model model) {
        if (!SLUG.matcher(slug).matches()) {
            throw new NotFound("there is no tool at /tools/" + slug);
        }
        ToolView tool = comparisons.tool(slug).orElseThrow(() -> new NotFound("no published tool is called " + slug));
        model.addAttribute("tool", tool);
        model.addAttribute("mine", myVotes.of(List.of(tool), viewer).get(slug));
        model.addAttribute("back", "/tools/" + slug);
        model.addAttribute("stream", "/api/comparisons/tools/" + slug + "/stream");
        model.addAttribute("description", tool.name() + " by " + tool.vendor() + ": " + tool.tagline()
                + " Panel " + tool.panel().percentText() + " ship, community " + tool.community().percentText() + ".");
        return "tool";
    }
}
