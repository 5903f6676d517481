package dev.toolverdicts.comparison.compare;

import dev.toolverdicts.comparison.cache.Tagged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Ad-hoc comparisons of any 2–4 published tools: {@code GET /api/comparisons/compare?tools=a,b,c}. */
@RestController
class CompareController {

    private final Comparisons comparisons;

    CompareController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/api/comparisons/compare")
    ResponseEntity<Comparison> compare(@RequestParam(required = false) String tools, WebRequest request) {
        Tagged<Comparison> comparison = comparisons.asked(tools);
        if (request.checkNotModified(comparison.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(comparison.etag()).body(comparison.body());
    }
}
