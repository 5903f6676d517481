package dev.toolverdicts.comparison.tool;

import dev.toolverdicts.comparison.cache.ContentTags;
import dev.toolverdicts.comparison.cache.SerializedView;
import dev.toolverdicts.comparison.cache.Tagged;
import dev.toolverdicts.problem.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Public reads of tool views and ranked tool lists, with ETags so unchanged views answer 304. */
@RestController
class ToolViewController {

    static final int MAX_LIMIT = 100;

    private final ToolViews views;
    private final ContentTags tags;

    ToolViewController(ToolViews views, ContentTags tags) {
        this.views = views;
        this.tags = tags;
    }

    @GetMapping("/api/comparisons/tools/{slug}")
    ResponseEntity<SerializedView<ToolVerdictView>> tool(@PathVariable String slug, WebRequest request) {
        Tagged<ToolVerdictView> view = views.get(slug)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug", "no published tool is called " + slug));
        return conditional(view, request);
    }

    @GetMapping("/api/comparisons/tools")
    ResponseEntity<SerializedView<ToolList>> ranked(@RequestParam(defaultValue = "panel") String rank,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit,
            WebRequest request) {
        ToolRank order = ToolRank.parse(rank).orElseThrow(() -> new FieldProblem(HttpStatus.BAD_REQUEST, "rank",
                "rank by panel, community or gap"));
        if (offset < 0) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "limit", "must be between 1 and " + MAX_LIMIT);
        }
        return conditional(tags.tag(views.ranked(order, offset, limit)), request);
    }

    /** 304 to a matching If-None-Match; else the JSON made when the view was tagged, not serialised again. */
    private static <T> ResponseEntity<SerializedView<T>> conditional(Tagged<T> view, WebRequest request) {
        if (request.checkNotModified(view.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(view.etag()).body(view.serialized());
    }
}
