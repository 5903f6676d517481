package dev.toolverdicts.web.compare;

import dev.toolverdicts.web.api.Ballot;
import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.ToolView;
import dev.toolverdicts.web.api.VoteApi;
import dev.toolverdicts.web.page.BadInput;
import dev.toolverdicts.web.page.NotFound;
import dev.toolverdicts.web.page.SafeRedirect;
import dev.toolverdicts.web.page.SignInRequired;
import dev.toolverdicts.web.page.Viewer;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's community vote, from a plain form POST (then back to the page they were on) or from htmx (then just
 * the updated vote box). The vote goes to vote-service with the member's own relayed token.
 */
@Controller
class VoteController {

    private static final Set<String> CHOICES = Set.of("SHIP", "SKIP");

    private final VoteApi votes;
    private final ComparisonApi comparisons;

    VoteController(VoteApi votes, ComparisonApi comparisons) {
        this.votes = votes;
        this.comparisons = comparisons;
    }

    @PostMapping("/votes/{slug}")
    String vote(@PathVariable String slug, @RequestParam(required = false) String vote,
            @RequestParam(required = false) String back,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Viewer viewer, Model model) {
        if (!viewer.isMember()) {
            throw new SignInRequired("MEMBER");
        }
        if (vote == null || !CHOICES.contains(vote)) {
            throw new BadInput("a vote is SHIP or SKIP");
        }
        Ballot ballot = votes.cast(slug, vote, viewer.token().orElseThrow());
        String page = SafeRedirect.back(back, "/tools/" + slug);
        if (!"true".equals(htmx)) {
            return "redirect:" + page + (page.contains("#") ? "" : "#vote-" + slug);
        }
        ToolView tool = comparisons.tool(slug).orElseThrow(() -> new NotFound("no published tool is called " + slug));
        model.addAttribute("tool", tool);
        model.addAttribute("mine", ballot.vote());
        model.addAttribute("back", page);
        model.addAttribute("justVoted", true);
        return "fragments/vote :: box";
    }
}
