package dev.toolverdicts.web.desk;

import dev.toolverdicts.web.api.CatalogApi;
import dev.toolverdicts.web.api.ServiceFailure;
import dev.toolverdicts.web.page.BadInput;
import dev.toolverdicts.web.page.SignInRequired;
import dev.toolverdicts.web.page.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editor's desk: the published tools and matchups with archive buttons, and publishing a draft (or an archived
 * entry) by its slug, since the catalog lists only what is published. Each change carries the version the editor saw.
 */
@Controller
class CatalogDeskController {

    private static final Set<String> KINDS = Set.of("tools", "matchups");
    private static final Set<String> ACTIONS = Set.of("publish", "archive");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

    private final CatalogApi catalog;

    CatalogDeskController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/desk/catalog")
    String desk(@RequestParam(required = false) String done, @RequestParam(required = false) String slug,
            Viewer viewer, Model model) {
        requireEditor(viewer);
        if (done != null && ACTIONS.contains(done) && slug != null && SLUG.matcher(slug).matches()) {
            model.addAttribute("done", slug + " was " + (done.equals("publish") ? "published" : "archived") + ".");
        }
        return render(model);
    }

    @PostMapping("/desk/catalog/{kind}/{slug}/{action}")
    String change(@PathVariable String kind, @PathVariable String slug, @PathVariable String action,
            @RequestParam(required = false) Long version, Viewer viewer, Model model, HttpServletResponse response) {
        requireEditor(viewer);
        if (!KINDS.contains(kind) || !ACTIONS.contains(action) || !SLUG.matcher(slug).matches()) {
            throw new BadInput("unknown catalog change");
        }
        return apply(kind, slug, action, version, viewer, model, response);
    }

    @PostMapping("/desk/catalog/publish")
    String publishBySlug(@RequestParam(required = false) String kind, @RequestParam(required = false) String slug,
            Viewer viewer, Model model, HttpServletResponse response) {
        requireEditor(viewer);
        String clean = slug == null ? "" : slug.strip();
        if (kind == null || !KINDS.contains(kind) || !SLUG.matcher(clean).matches()) {
            throw new BadInput("give the slug of a tool or matchup to publish, e.g. smolvlm-3b");
        }
        return apply(kind, clean, "publish", null, viewer, model, response);
    }

    private String apply(String kind, String slug, String action, Long version, Viewer viewer, Model model,
            HttpServletResponse response) {
        try {
            long current = version != null ? version : kind.equals("tools")
                    ? catalog.tool(slug, viewer.token().orElseThrow()).version()
                    : catalog.matchup(slug, viewer.token().orElseThrow()).version();
            catalog.changeStatus(kind, slug, action, current, viewer.token().orElseThrow());
            return "redirect:/desk/catalog?done=" + action + "&slug=" + slug;
        } catch (ServiceFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            response.setStatus(failure.status() == 404 ? 404 : failure.status() == 412 ? 409 : 422);
            model.addAttribute("problem", failure.detail());
            return render(model);
        }
    }

    private String render(Model model) {
        model.addAttribute("tools", catalog.tools(Map.of("size", "100", "sort", "name")).items());
        model.addAttribute("matchups", catalog.matchups(0, 100).items());
        return "desk/catalog";
    }

    private static void requireEditor(Viewer viewer) {
        if (!viewer.isEditor()) {
            throw new SignInRequired("EDITOR");
        }
    }
}
