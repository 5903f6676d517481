package dev.toolverdicts.web.home;

import dev.toolverdicts.web.api.ComparisonApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the latest matchups, the tools ranked by panel ship %, and the newsletter sign-up. */
@Controller
class HomeController {

    private final ComparisonApi comparisons;

    HomeController(ComparisonApi comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("matchups", comparisons.matchups(0, 6).items());
        model.addAttribute("ranked", comparisons.ranked("panel", 0, 10).items());
        return "home";
    }
}
