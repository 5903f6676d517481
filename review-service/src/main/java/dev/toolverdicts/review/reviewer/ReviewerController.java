package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.problem.IfMatch;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The panel's HTTP API: public reads, editor-only writes; the ETag is the reviewer's version. */
@RestController
@RequestMapping("/api/reviews/reviewers")
class ReviewerController {

    private final ReviewerService reviewers;

    ReviewerController(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    @PostMapping
    ResponseEntity<ReviewerResponse> create(@Valid @RequestBody NewReviewerRequest request) {
        Reviewer reviewer = reviewers.create(request);
        return ResponseEntity.created(URI.create("/api/reviews/reviewers/" + reviewer.id()))
                .eTag(IfMatch.etag(reviewer.version()))
                .body(ReviewerResponse.of(reviewer));
    }

    @PutMapping("/{id}")
    ResponseEntity<ReviewerResponse> update(@PathVariable UUID id, @Valid @RequestBody ReviewerUpdate update,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Reviewer reviewer = reviewers.update(id, update, IfMatch.of(ifMatch));
        return ResponseEntity.ok().eTag(IfMatch.etag(reviewer.version())).body(ReviewerResponse.of(reviewer));
    }

    @GetMapping
    List<ReviewerResponse> all() {
        return reviewers.all().stream().map(ReviewerResponse::of).toList();
    }

    /** The caller's own reviewer profile (by the token's subject), so a desk knows whose verdicts to show. */
    @GetMapping("/me")
    ResponseEntity<ReviewerResponse> me(@AuthenticationPrincipal Jwt caller) {
        Reviewer reviewer = reviewers.ofUser(caller.getSubject());
        return ResponseEntity.ok().eTag(IfMatch.etag(reviewer.version())).body(ReviewerResponse.of(reviewer));
    }

    @GetMapping("/{id}")
    ResponseEntity<ReviewerResponse> get(@PathVariable UUID id) {
        Reviewer reviewer = reviewers.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(reviewer.version())).body(ReviewerResponse.of(reviewer));
    }
}
