package dev.toolverdicts.web.api;

import java.util.List;
import java.util.Optional;
import org.springframework.web.client.RestClient;

/** comparison-service's public read API: tool views, ranked lists, matchup views and ad-hoc comparisons. */
public class ComparisonApi {

    private final RestClient http;

    ComparisonApi(RestClient http) {
        this.http = http;
    }

    public Optional<ToolView> tool(String slug) {
        return Found.orEmpty(() -> http.get().uri("/api/comparisons/tools/{slug}", slug).retrieve()
                .body(ToolView.class));
    }

    public ToolList ranked(String rank, int offset, int limit) {
        return http.get().uri("/api/comparisons/tools?rank={rank}&offset={offset}&limit={limit}", rank, offset, limit)
                .retrieve().body(ToolList.class);
    }

    public Optional<Comparison> matchup(String slug) {
        return Found.orEmpty(() -> http.get().uri("/api/comparisons/matchups/{slug}", slug).retrieve()
                .body(Comparison.class));
    }

    public MatchupList matchups(int offset, int limit) {
        return http.get().uri("/api/comparisons/matchups?offset={offset}&limit={limit}", offset, limit).retrieve()
                .body(MatchupList.class);
    }

    /** An ad-hoc comparison of 2–4 tools; 400 and 404 come back as {@link ServiceFailure}. */
    public Comparison compare(List<String> slugs) {
        return http.get().uri("/api/comparisons/compare?tools={tools}", String.join(",", slugs)).retrieve()
                .body(Comparison.class);
    }
}
