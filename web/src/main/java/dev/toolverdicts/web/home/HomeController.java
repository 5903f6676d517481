package dev.toolverdicts.web.home;

import dev.toolverdicts.web.api.ComparisonApi;
import dev.toolverdicts.web.api.MatchupItem;
import dev.toolverdicts.web.api.RankedTool;
import dev.toolverdicts.web.api.Share;
import dev.toolverdicts.web.page.Concurrently;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front page: the latest matchups as cards with both tools' shares, the widest gaps between the panel and the
 * community, the tools ranked by panel ship % with entry price and license, and the newsletter sign-up.
 */
@Controller
class HomeController {

    static final int DISAGREEMENTS = 4;

    private final ComparisonApi comparisons;

    HomeController(ComparisonApi comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/")
    String home(Model model) {
        Future<List<MatchupItem>> latest;
        Future<List<RankedTool>> gaps;
        List<RankedTool> ranked;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            latest = pool.submit(() -> comparisons.matchups(0, 6).items());
            gaps = pool.submit(() -> comparisons.ranked("gap", 0, 20).items());
            ranked = comparisons.ranked("panel", 0, 100).items();
        }
        Map<String, RankedTool> bySlug = ranked.stream()
                .collect(Collectors.toMap(RankedTool::slug, Function.identity(), (a, b) -> a));
        List<MatchupCard> cards = Concurrently.join(latest).stream()
                .map(m -> new MatchupCard(m, m.tools().stream().map(MatchupItem.Side::slug).map(bySlug::get)
                        .filter(Objects::nonNull).toList()))
                .filter(card -> card.tools().size() == card.matchup().tools().size())
                .toList();
        List<RankedTool> disagreements = Concurrently.join(gaps).stream()
                .filter(t -> t.gap() != null && bothHaveData(t.panel(), t.community()))
                .limit(DISAGREEMENTS)
                .toList();
        model.addAttribute("matchups", cards);
        model.addAttribute("disagreements", disagreements);
        model.addAttribute("ranked", ranked.stream().limit(10).toList());
        return "home";
    }

    private static boolean bothHaveData(Share panel, Share community) {
        return panel != null && community != null && panel.hasData() && community.hasData();
    }
}
