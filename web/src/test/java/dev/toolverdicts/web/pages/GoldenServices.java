package dev.toolverdicts.web.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays catalog-service, review-service and comparison-service over real HTTP with the answers their own tests pinned
 * as golden files ({@code <service>/src/test/resources/golden}), so web's page tests fail when a service's answer
 * changes shape.
 */
final class GoldenServices implements AutoCloseable {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path CATALOG = ROOT.resolve("catalog-service/src/test/resources/golden");
    static final Path REVIEW = ROOT.resolve("review-service/src/test/resources/golden");
    static final Path COMPARISON = ROOT.resolve("comparison-service/src/test/resources/golden");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Path> routes = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    GoldenServices() {
        routeAll();
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int port) {
        try {
            HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            listening.createContext("/", this::answer);
            listening.start();
            return listening;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** The services go down: connections to their port are refused until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    /** The services come back on the same port. */
    void restart() {
        server = listen(port);
    }

    static JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }

    private void routeAll() {
        route("/api/catalog/tools?page=0&size=6", CATALOG.resolve("tools-page-0.json"));
        route("/api/catalog/tools?q=llama&page=0&size=6", CATALOG.resolve("tools-q-llama.json"));
        route("/api/comparisons/tools/smolvlm-3b", COMPARISON.resolve("tool-smolvlm-3b.json"));
        route("/api/comparisons/tools/code-llama-4", COMPARISON.resolve("tool-code-llama-4.json"));
        route("/api/comparisons/matchups/smolvlm-3b-vs-code-llama-4",
                COMPARISON.resolve("matchup-smolvlm-3b-vs-code-llama-4.json"));
        route("/api/comparisons/compare?tools=code-llama-4,smolvlm-3b",
                COMPARISON.resolve("compare-code-llama-4-smolvlm-3b.json"));
        route("/api/comparisons/tools?rank=panel", COMPARISON.resolve("ranked-panel.json"));
        route("/api/comparisons/tools?rank=gap", COMPARISON.resolve("ranked-gap.json"));
        route("/api/comparisons/matchups", COMPARISON.resolve("matchups.json"));
        route("/api/reviews/reviewers", REVIEW.resolve("reviewers.json"));
        route("/api/reviews/tools/smolvlm-3b/verdicts", REVIEW.resolve("tool-smolvlm-3b-verdicts.json"));
        for (JsonNode reviewer : read(REVIEW.resolve("reviewers.json"))) {
            String lens = reviewer.get("lens").asString().toLowerCase(java.util.Locale.ROOT);
            route("/api/reviews/reviewers/" + reviewer.get("id").asString() + "/verdicts",
                    REVIEW.resolve("reviewer-" + lens + "-verdicts.json"));
        }
        for (String lens : List.of("builder", "buyer")) {
            for (JsonNode verdict : read(REVIEW.resolve("reviewer-" + lens + "-verdicts.json"))) {
                route("/api/reviews/verdicts/" + verdict.get("id").asString() + "/revisions",
                        REVIEW.resolve("revisions-" + lens + "-" + verdict.get("toolSlug").asString() + ".json"));
            }
        }
        JsonNode buyerVerdict = read(REVIEW.resolve("verdict-buyer-smolvlm-3b.json"));
        route("/api/reviews/verdicts/" + buyerVerdict.get("id").asString(),
                REVIEW.resolve("verdict-buyer-smolvlm-3b.json"));
    }

    /** A path answers with a file; a path with a query matches when the request starts with that path and query. */
    private void route(String pathAndQuery, Path file) {
        routes.put(pathAndQuery, file);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String full = query == null ? path : path + "?" + query;
        Path file = routes.get(full);
        if (file == null) {
            file = routes.entrySet().stream()
                    .filter(r -> r.getKey().contains("?") ? full.startsWith(r.getKey()) : r.getKey().equals(path))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        byte[] body = file == null
                ? "{\"status\":404,\"detail\":\"no golden answer for %s\"}".formatted(full).getBytes(StandardCharsets.UTF_8)
                : Files.readAllBytes(file);
        exchange.getResponseHeaders().add("Content-Type", file == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(file == null ? 404 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
