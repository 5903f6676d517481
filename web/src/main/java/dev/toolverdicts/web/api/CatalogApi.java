package dev.toolverdicts.web.api;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** catalog-service: the public tool list with search and filters, matchups, and the editors' publish and archive. */
public class CatalogApi {

    private static final ParameterizedTypeReference<CatalogPage<CatalogTool>> TOOLS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<CatalogPage<CatalogMatchup>> MATCHUPS =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient http;

    CatalogApi(RestClient http) {
        this.http = http;
    }

    /** The published tools matching the query parameters (q, category, license, pricing, openWeights, sort, page, size). */
    public CatalogPage<CatalogTool> tools(Map<String, String> query) {
        return http.get().uri(builder -> withQuery(builder.path("/api/catalog/tools"), query)).retrieve()
                .body(TOOLS);
    }

    public CatalogPage<CatalogMatchup> matchups(int page, int size) {
        return http.get().uri("/api/catalog/matchups?page={page}&size={size}", page, size).retrieve().body(MATCHUPS);
    }

    /** A tool as an editor sees it (drafts included), with its version. */
    public CatalogTool tool(String slug, Bearer editor) {
        return http.get().uri("/api/catalog/tools/{slug}", slug).headers(editor.headers()).retrieve()
                .body(CatalogTool.class);
    }

    public CatalogMatchup matchup(String slug, Bearer editor) {
        return http.get().uri("/api/catalog/matchups/{slug}", slug).headers(editor.headers()).retrieve()
                .body(CatalogMatchup.class);
    }

    /** Publishes or archives a tool or matchup ({@code kind} "tools" or "matchups", {@code action} "publish" or "archive"). */
    public void changeStatus(String kind, String slug, String action, long version, Bearer editor) {
        http.post().uri("/api/catalog/{kind}/{slug}/{action}", kind, slug, action)
                .headers(editor.headers())
                .header(HttpHeaders.IF_MATCH, Bearer.etag(version))
                .retrieve().toBodilessEntity();
    }

    /** Query values go in as URI variables, so every character of a search is encoded strictly. */
    private static java.net.URI withQuery(UriBuilder builder, Map<String, String> query) {
        Map<String, String> present = new java.util.LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                builder.queryParam(name, "{" + name + "}");
                present.put(name, value);
            }
        });
        return builder.build(present);
    }
}
