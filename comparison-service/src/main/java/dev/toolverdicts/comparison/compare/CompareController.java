package dev.toolverdicts.comparison.compare;

import dev.toolverdicts.comparison.cache.Tagged;
import dev.toolverdicts.problem.FieldProblem;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
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
        List<String> slugs = tools == null ? List.of() : Arrays.stream(tools.split(",")).map(String::strip)
                .filter(slug -> !slug.isEmpty()).distinct().toList();
        if (slugs.size() < 2 || slugs.size() > 4) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, "tools", "name 2 to 4 different tool slugs, comma-separated");
        }
        Comparisons.Result result = comparisons.compare(slugs);
        if (!result.missing().isEmpty()) {
            throw new FieldProblem(HttpStatus.NOT_FOUND, "tools",
                    "no published tool is called " + String.join(", ", result.missing()));
        }
        Tagged<Comparison> comparison = result.comparison();
        if (request.checkNotModified(comparison.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(comparison.etag()).body(comparison.body());
    }
}
