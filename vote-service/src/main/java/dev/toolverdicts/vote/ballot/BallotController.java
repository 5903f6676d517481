package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.vote.idempotency.Answer;
import dev.toolverdicts.vote.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's own vote on a tool. PUT and POST both set it (POST for clients that retry with an
 * {@code Idempotency-Key}; PUT accepts the key too); DELETE retracts it. A replayed answer says so in
 * {@code Idempotent-Replayed: true}.
 */
@RestController
@RequestMapping("/api/votes/tools/{slug}/mine")
class BallotController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final BallotService ballots;

    BallotController(BallotService ballots) {
        this.ballots = ballots;
    }

    @PutMapping
    ResponseEntity<VoteResponse> put(@PathVariable String slug, @Valid @RequestBody VoteRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @AuthenticationPrincipal Jwt jwt) {
        return cast(slug, request, key, jwt);
    }

    @PostMapping
    ResponseEntity<VoteResponse> post(@PathVariable String slug, @Valid @RequestBody VoteRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @AuthenticationPrincipal Jwt jwt) {
        return cast(slug, request, key, jwt);
    }

    @DeleteMapping
    ResponseEntity<Void> retract(@PathVariable String slug,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @AuthenticationPrincipal Jwt jwt) {
        IdempotentRequests.validate(key);
        return respond(ballots.retract(Voter.of(jwt), slug, key));
    }

    @GetMapping
    VoteResponse mine(@PathVariable String slug, @AuthenticationPrincipal Jwt jwt) {
        return ballots.mine(Voter.of(jwt), slug);
    }

    private ResponseEntity<VoteResponse> cast(String slug, VoteRequest request, String key, Jwt jwt) {
        IdempotentRequests.validate(key);
        return respond(ballots.cast(Voter.of(jwt), slug, request.vote(), key));
    }

    private static <T> ResponseEntity<T> respond(Answer<T> answer) {
        var response = ResponseEntity.status(answer.status());
        if (answer.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(answer.body());
    }
}
