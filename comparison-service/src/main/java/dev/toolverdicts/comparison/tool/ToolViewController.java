package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.community.CommunityTallies;
import dev.toolverdicts.problem.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Public reads of a tool's verdict view. */
@RestController
class ToolViewController {

    private final ToolViewRepository views;
    private final CommunityTallies community;

    ToolViewController(ToolViewRepository views, CommunityTallies community) {
        this.views = views;
        this.community = community;
    }

    @GetMapping("/api/comparisons/tools/{slug}")
    ResponseEntity<ToolVerdictView> tool(@PathVariable String slug, WebRequest request) {
        ToolVerdictView view = views.findPublished(slug)
                .map(tool -> ToolVerdictView.of(tool, community.of(tool.toolId())))
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published tool is called " + slug));
        if (request.checkNotModified(view.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(view.etag()).body(view);
    }
}
