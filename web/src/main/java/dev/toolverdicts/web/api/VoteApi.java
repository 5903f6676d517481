package dev.toolverdicts.web.api;

import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** vote-service: a member's own community vote, cast with their relayed token. */
public class VoteApi {

    private final RestClient http;

    VoteApi(RestClient http) {
        this.http = http;
    }

    public Optional<Ballot> mine(String toolSlug, Bearer member) {
        return Found.orEmpty(() -> http.get().uri("/api/votes/tools/{slug}/mine", toolSlug)
                .headers(member.headers()).retrieve().body(Ballot.class));
    }

    public Ballot cast(String toolSlug, String choice, Bearer member) {
        return http.put().uri("/api/votes/tools/{slug}/mine", toolSlug).headers(member.headers())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("vote", choice))
                .retrieve().body(Ballot.class);
    }
}
