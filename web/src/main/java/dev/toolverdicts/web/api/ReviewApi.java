package dev.toolverdicts.web.api;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** review-service: the panel, verdicts and their history; reviewers' own writes with their relayed token. */
public class ReviewApi {

    /** No verdict ever has version 0: a write with this precondition can only fail, and changes nothing. */
    private static final String NEVER_MATCHES = "\"0\"";

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

    /**
     * Whether the caller owns this verdict, asked as a revision that cannot apply: review-service checks the owner
     * (403 if not theirs) before the precondition (412), and a failed precondition changes nothing. A stopgap until
     * review-service answers "who am I on the panel" itself.
     */
    public boolean owns(Verdict verdict, Bearer caller) {
        try {
            http.put().uri("/api/reviews/verdicts/{id}", verdict.id()).headers(caller.headers())
                    .header(HttpHeaders.IF_MATCH, NEVER_MATCHES)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("verdict", verdict.verdict(), "take", verdict.take()))
                    .retrieve().toBodilessEntity();
            return false;
        } catch (ServiceFailure failure) {
            if (failure.is(412)) {
                return true;
            }
            if (failure.is(403) || failure.is(422)) {
                return false;
            }
            throw failure;
        }
    }
}
