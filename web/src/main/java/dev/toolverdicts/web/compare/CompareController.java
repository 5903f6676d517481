package dev.toolverdicts.web.compare;

import dev.toolverdicts.web.api.Comparison;
import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.ServiceFailure;
import dev.toolverdicts.web.page.BadInput;
import dev.toolverdicts.web.page.NotFound;
import dev.toolverdicts.web.page.Viewer;
import dev.toolverdicts.web.reviewer.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The "A vs B" pages: an editorial matchup at {@code /compare/{a}-vs-{b}}, or any 2–4 published tools at
 * {@code /compare?tools=a,b,c}. A pair without a matchup is compared ad hoc under the same address.
 */
@Controller
class CompareController {

    private static final String SEPARATOR = "-vs-";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final ComparisonApi comparisons;
    private final MyVotes myVotes;
    private final Panel panel;

    CompareController(ComparisonApi comparisons, MyVotes myVotes, Panel panel) {
        this.comparisons = comparisons;
        this.myVotes = myVotes;
        this.panel = panel;
    }

    @GetMapping("/compare/{pair}")
    String pair(@PathVariable String pair, Viewer viewer, Model model) {
        if (!SLUG.matcher(pair).matches() || !pair.contains(SEPARATOR)) {
            throw new NotFound("there is no comparison at /compare/" + pair
                    + "; comparison addresses look like /compare/tool-a-vs-tool-b");
        }
        Optional<Comparison> matchup = comparisons.matchup(pair);
        if (matchup.isPresent()) {
            model.addAttribute("ogImage", "/cards/matchups/" + pair + ".png");
            return render(matchup.get(), "/compare/" + pair,
                    List.of("/api/comparisons/matchups/" + pair + "/stream"), viewer, model);
        }
        for (List<String> slugs : splits(pair)) {
            try {
                return adHoc(slugs, "/compare/" + pair, viewer, model);
            } catch (ServiceFailure failure) {
                if (!failure.is(404)) {
                    throw failure;
                }
            }
        }
        throw new NotFound("there is no comparison at /compare/" + pair + ": no published matchup or pair of tools "
                + "has that name");
    }

    @GetMapping("/compare")
    String tools(@RequestParam(name = "tools", required = false) List<String> tools, Viewer viewer, Model model) {
        List<String> slugs = tools == null ? List.of() : tools.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (slugs.size() < 2 || slugs.size() > 4) {
            throw new BadInput("choose 2 to 4 different tools to compare (you chose " + slugs.size() + ")");
        }
        if (slugs.stream().anyMatch(slug -> !SLUG.matcher(slug).matches())) {
            throw new BadInput("tool names in a comparison are lower-case slugs such as smolvlm-3b");
        }
        String path = "/compare?tools=" + UriUtils.encodeQueryParam(String.join(",", slugs), "UTF-8");
        return adHoc(slugs, path, viewer, model);
    }

    private String adHoc(List<String> slugs, String path, Viewer viewer, Model model) {
        Comparison comparison = comparisons.compare(slugs);
        model.addAttribute("ogImage", "/cards/compare.png?tools="
                + UriUtils.encodeQueryParam(String.join(",", slugs), "UTF-8"));
        List<String> streams = slugs.stream().map(slug -> "/api/comparisons/tools/" + slug + "/stream").toList();
        return render(comparison, path, streams, viewer, model);
    }

    private String render(Comparison comparison, String path, List<String> streams, Viewer viewer, Model model) {
        ComparePage page = ComparePage.of(comparison, path, myVotes.of(comparison.tools(), viewer), streams);
        model.addAttribute("page", page);
        model.addAttribute("votingUnavailable", page.votingUnavailable());
        model.addAttribute("panel", panel.rosterOrEmpty());
        return "compare";
    }

    /** Every way to cut "a-vs-b" into two slugs, in case a slug itself contains "-vs-". */
    static List<List<String>> splits(String pair) {
        List<List<String>> splits = new ArrayList<>();
        int at = pair.indexOf(SEPARATOR);
        while (at > 0) {
            String a = pair.substring(0, at);
            String b = pair.substring(at + SEPARATOR.length());
            if (!b.isEmpty() && !a.equals(b)) {
                splits.add(List.of(a, b));
            }
            at = pair.indexOf(SEPARATOR, at + 1);
        }
        return splits;
    }
}
