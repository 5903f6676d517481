package dev.toolverdicts.web.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** review-service: the panel, verdicts and their history; reviewers' own writes with their relayed token. */
public class ReviewApi {

    private final RestClient http;

    ReviewApi(RestClient http) {
        this.http = http;
    }

    public List<Reviewer> reviewers() {
        return http.get().uri("/api/reviews/reviewers").retrieve().body(new ParameterizedTypeReference<>() {
        });
    }

    public List<Verdict> verdictsOf(String reviewerId) {
        return http.get().uri("/api/reviews/reviewers/{id}/verdicts", reviewerId).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    /** Every panel reviewer's current verdict on a tool. */
    public List<Verdict> verdictsFor(String toolSlug) {
        return http.get().uri("/api/reviews/tools/{slug}/verdicts", toolSlug).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    public Optional<Verdict> findVerdict(String id) {
        return Found.orEmpty(() -> verdict(id));
    }

    public Verdict verdict(String id) {
        return http.get().uri("/api/reviews/verdicts/{id}", id).retrieve().body(Verdict.class);
    }

    public List<Revision> revisions(String verdictId) {
        return http.get().uri("/api/reviews/verdicts/{id}/revisions", verdictId).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    /** Submits the caller's first verdict on a tool. */
    public Verdict submit(String toolSlug, String verdict, String take, Bearer reviewer) {
        return http.put().uri("/api/reviews/tools/{slug}/verdicts/mine", toolSlug).headers(reviewer.headers())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("verdict", verdict, "take", take))
                .retrieve().body(Verdict.class);
    }

    /** Revises (or resubmits, if withdrawn) a verdict the caller read at {@code version}. */
    public Verdict revise(String verdictId, long version, String verdict, String take, Bearer reviewer) {
        return http.put().uri("/api/reviews/verdicts/{id}", verdictId).headers(reviewer.headers())
                .header(HttpHeaders.IF_MATCH, Bearer.etag(version))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("verdict", verdict, "take", take))
                .retrieve().body(Verdict.class);
    }

    public Verdict withdraw(String verdictId, long version, Bearer reviewer) {
        return http.delete().uri("/api/reviews/verdicts/{id}", verdictId).headers(reviewer.headers())
                .header(HttpHeaders.IF_MATCH, Bearer.etag(version))
                .retrieve().body(Verdict.class);
    }

    /** The caller's own reviewer profile, or empty when the caller is not on the panel. */
    public Optional<Reviewer> me(Bearer caller) {
        try {
            return Optional.ofNullable(http.get().uri("/api/reviews/reviewers/me").headers(caller.headers())
                    .retrieve().body(Reviewer.class));
        } catch (ServiceFailure failure) {
            if (failure.is(404)) {
                return Optional.empty();
            }
            throw failure;
        }
    }
}
