package dev.toolverdicts.comparison.matchup;

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

/** Public reads of matchup views and the matchup list, with ETags so unchanged views answer 304. */
@RestController
class MatchupController {

    private static final int MAX_LIMIT = 100;

    private final MatchupViews views;
    private final ContentTags tags;

    MatchupController(MatchupViews views, ContentTags tags) {
        this.views = views;
        this.tags = tags;
    }

    @GetMapping("/api/comparisons/matchups/{slug}")
    ResponseEntity<SerializedView<MatchupView>> matchup(@PathVariable String slug, WebRequest request) {
        return conditional(views.get(slug).orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug",
                "no published matchup is called " + slug)), request);
    }

    @GetMapping("/api/comparisons/matchups")
    ResponseEntity<SerializedView<MatchupList>> latest(@RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit, WebRequest request) {
        if (offset < 0) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "limit", "must be between 1 and " + MAX_LIMIT);
        }
        return conditional(tags.tag(views.latest(offset, limit)), request);
    }

    /** 304 to a matching If-None-Match; else the JSON made when the view was tagged, not serialised again. */
    private static <T> ResponseEntity<SerializedView<T>> conditional(Tagged<T> view, WebRequest request) {
        if (request.checkNotModified(view.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(view.etag()).body(view.serialized());
    }
}
