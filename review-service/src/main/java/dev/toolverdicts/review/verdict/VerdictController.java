package dev.toolverdicts.review.verdict;

import dev.toolverdicts.problem.IfMatch;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verdicts' HTTP API: public reads; reviewers write only their own verdict (found by the token's {@code sub}).
 * The ETag is the verdict's version; changing an existing verdict needs it in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/reviews")
class VerdictController {

    private final VerdictService verdicts;

    VerdictController(VerdictService verdicts) {
        this.verdicts = verdicts;
    }

    @PutMapping("/tools/{slug}/verdicts/mine")
    ResponseEntity<VerdictResponse> submitMine(@PathVariable String slug, @Valid @RequestBody VerdictRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt caller) {
        var submitted = verdicts.submitMine(caller.getSubject(), slug, request, IfMatch.of(ifMatch));
        VerdictResponse verdict = submitted.verdict();
        if (submitted.created()) {
            return ResponseEntity.created(URI.create("/api/reviews/verdicts/" + verdict.id()))
                    .eTag(IfMatch.etag(verdict.version())).body(verdict);
        }
        return withETag(verdict);
    }

    @DeleteMapping("/tools/{slug}/verdicts/mine")
    ResponseEntity<VerdictResponse> withdrawMine(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt caller) {
        return withETag(verdicts.withdrawMine(caller.getSubject(), slug, IfMatch.of(ifMatch)));
    }

    @PutMapping("/verdicts/{id}")
    ResponseEntity<VerdictResponse> revise(@PathVariable UUID id, @Valid @RequestBody VerdictRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt caller) {
        return withETag(verdicts.revise(caller.getSubject(), id, request, IfMatch.of(ifMatch)));
    }

    @DeleteMapping("/verdicts/{id}")
    ResponseEntity<VerdictResponse> withdraw(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Jwt caller) {
        return withETag(verdicts.withdraw(caller.getSubject(), id, IfMatch.of(ifMatch)));
    }

    @GetMapping("/tools/{slug}/verdicts")
    List<VerdictResponse> currentForTool(@PathVariable String slug) {
        return verdicts.currentForTool(slug);
    }

    @GetMapping("/reviewers/{id}/verdicts")
    List<VerdictResponse> currentForReviewer(@PathVariable UUID id) {
        return verdicts.currentForReviewer(id);
    }

    @GetMapping("/verdicts/{id}")
    ResponseEntity<VerdictResponse> get(@PathVariable UUID id) {
        return withETag(verdicts.get(id));
    }

    @GetMapping("/verdicts/{id}/revisions")
    List<Revision> revisions(@PathVariable UUID id) {
        return verdicts.revisions(id);
    }

    private static ResponseEntity<VerdictResponse> withETag(VerdictResponse verdict) {
        return ResponseEntity.ok().eTag(IfMatch.etag(verdict.version())).body(verdict);
    }
}
