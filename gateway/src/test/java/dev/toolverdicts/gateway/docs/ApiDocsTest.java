package dev.toolverdicts.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.toolverdicts.gateway.GatewayClient;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Badges, cards and feeds routed anonymously to the services that render them, and {@code /api/docs}: Swagger UI, one document merged from the services' own (components that two services name alike
 * but mean differently kept apart), and the AsyncAPI document of the events; all anonymous.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsTest {

    private static final String CATALOG = """
            {"openapi": "3.1.0", "paths": {"/api/catalog/tools": {"get": {"responses": {"200": {"content":
              {"application/json": {"schema": {"$ref": "#/components/schemas/Tool"}}}}}}}},
             "components": {"schemas": {"Tool": {"type": "object", "properties": {"slug": {"type": "string"}}},
               "Problem": {"type": "object"}}}}
            """;
    private static final String COMPARISONS = """
            {"openapi": "3.1.0", "paths": {"/api/comparisons/tools/{slug}": {"get": {"responses": {"200": {"content":
              {"application/json": {"schema": {"$ref": "#/components/schemas/Tool"}}}}}}}},
             "components": {"schemas": {"Tool": {"type": "object", "properties": {"panel": {"type": "object"}}},
               "ToolPage": {"type": "object", "properties": {"items": {"type": "array",
                 "items": {"$ref": "#/components/schemas/Tool"}}}},
               "Problem": {"type": "object"}}}}
            """;
    private static final Map<String, String> DOCUMENTS = Map.of(
            "/api/catalog/openapi", CATALOG, "/api/comparisons/openapi", COMPARISONS,
            "/api/reviews/openapi", "{\"openapi\": \"3.1.0\", \"paths\": {\"/api/reviews/verdicts/{id}\": {}}}",
            "/api/votes/openapi", "{\"openapi\": \"3.1.0\", \"paths\": {\"/api/votes/tools/{slug}/tally\": {}}}",
            "/api/identity/openapi", "{\"openapi\": \"3.1.0\", \"paths\": {\"/api/identity/registrations\": {}}}");

    private static final HttpServer SERVICES = serving("services");
    private static final HttpServer NEWSLETTER = serving("newsletter");

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
        for (String service : new String[] {"catalog", "comparison", "review", "vote"}) {
            registry.add("services." + service + ".uri", () -> uri);
        }
        registry.add("services.newsletter.uri", () -> "http://127.0.0.1:" + NEWSLETTER.getAddress().getPort());
        registry.add("services.web.uri", () -> "http://127.0.0.1:9");
        registry.add("services.identity.uri", () -> uri);
        registry.add("services.identity.issuer", () -> "http://localhost:9000");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop(0);
        NEWSLETTER.stop(0);
    }

    @Test
    void badgesCardsAndFeedsGoToTheirServiceAnonymously() {
        GatewayClient gateway = new GatewayClient(port);
        for (String path : new String[] {"/badges/tools/smolvlm-3b.svg", "/badges/matchups/a-vs-b.svg",
            "/cards/tools/smolvlm-3b.png", "/cards/compare.png?tools=a,b,c", "/feeds/verdicts.atom",
            "/feeds/tools/smolvlm-3b/verdicts.atom"}) {
            HttpResponse<String> response = gateway.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("services " + path);
        }
        assertThat(gateway.get("/feeds/newsletter.atom").body()).isEqualTo("newsletter /feeds/newsletter.atom");
    }

    @Test
    void theMergedDocumentHasEveryServicesPathsAndKeepsClashingComponentsApart() {
        HttpResponse<String> response = new GatewayClient(port).get("/api/docs/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode merged = json.readTree(response.body());
        assertThat(merged.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.get("paths").propertyNames()).contains("/api/catalog/tools",
                "/api/comparisons/tools/{slug}", "/api/reviews/verdicts/{id}", "/api/votes/tools/{slug}/tally",
                "/api/identity/registrations");
        assertThat(merged.at("/components/schemas").propertyNames())
                .containsExactlyInAnyOrder("Tool", "Problem", "comparisons.Tool", "ToolPage");
        assertThat(merged.at("/paths/~1api~1catalog~1tools/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Tool");
        assertThat(merged.at("/paths/~1api~1comparisons~1tools~1{slug}/get/responses/200/content/application~1json"
                + "/schema/$ref").asString()).isEqualTo("#/components/schemas/comparisons.Tool");
        assertThat(merged.at("/components/schemas/ToolPage/properties/items/items/$ref").asString())
                .as("a component of the service that names one of its renamed ones")
                .isEqualTo("#/components/schemas/comparisons.Tool");
        assertThat(merged.get("x-unavailable").toString()).isEqualTo("[\"newsletter\"]");
    }

    @Test
    void swaggerUiIsServedWithItsScriptsAndListsEveryDocument() {
        GatewayClient gateway = new GatewayClient(port);
        HttpResponse<String> page = gateway.get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/docs/ui/swagger-ui-bundle.js", "/api/docs/swagger-initializer.js")
                .doesNotContain("<script>");

        HttpResponse<String> bundle = gateway.get("/api/docs/ui/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(gateway.get("/api/docs/swagger-initializer.js").body())
                .contains("/api/docs/openapi", "/api/catalog/openapi", "/api/newsletter/openapi", "/api/identity/openapi");
    }

    @Test
    void theEventsAreDocumentedInAsyncApi() {
        HttpResponse<String> response = new GatewayClient(port).get("/api/docs/events");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode events = json.readTree(response.body());
        assertThat(events.get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(events.get("channels").propertyNames()).contains("catalog.tool.v1", "review.verdict.v1");
    }

    /**
     * Answers the documents it knows, and any other path (not an OpenAPI one) with its name, the path and the query
     * as the service reads it (the gateway sends a card's commas as %2C, which decodes to the same parameter).
     */
    private static HttpServer serving(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String document = name.equals("services") ? DOCUMENTS.get(path) : null;
                boolean known = document != null || !path.endsWith("/openapi");
                String asked = exchange.getRequestURI().getQuery() == null ? path
                        : path + "?" + exchange.getRequestURI().getQuery();
                byte[] body = (document != null ? document : known ? name + " " + asked : "{}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(known ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
