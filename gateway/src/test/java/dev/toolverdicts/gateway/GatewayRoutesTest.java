package dev.toolverdicts.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway forwards the public API paths unchanged to the owning service, and hides its own admin endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> CATALOG_SEEN = new CopyOnWriteArrayList<>();
    private static final List<String> COMPARISON_SEEN = new CopyOnWriteArrayList<>();
    private static final HttpServer CATALOG = upstream("catalog", CATALOG_SEEN);
    private static final HttpServer COMPARISON = upstream("comparison", COMPARISON_SEEN);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("services.catalog.uri", () -> "http://127.0.0.1:" + CATALOG.getAddress().getPort());
        registry.add("services.comparison.uri", () -> "http://127.0.0.1:" + COMPARISON.getAddress().getPort());
    }

    @AfterAll
    static void stopUpstreams() {
        CATALOG.stop(0);
        COMPARISON.stop(0);
    }

    @Test
    void catalogPathsGoToTheCatalogService() throws Exception {
        HttpResponse<String> response = send("POST", "/api/catalog/tools?x=1");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("catalog");
        assertThat(CATALOG_SEEN).contains("POST /api/catalog/tools?x=1");
    }

    @Test
    void comparisonPathsGoToTheComparisonService() throws Exception {
        HttpResponse<String> response = send("GET", "/api/comparisons/tools/smolvlm-3b");
        assertThat(response.body()).isEqualTo("comparison");
        assertThat(COMPARISON_SEEN).contains("GET /api/comparisons/tools/smolvlm-3b");
    }

    @Test
    void unknownPathsAreNotRouted() throws Exception {
        assertThat(send("GET", "/api/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void theGatewayActuatorEndpointIsNeverExposed() throws Exception {
        assertThat(send("GET", "/actuator/gateway/routes").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer upstream(String name, List<String> seen) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
