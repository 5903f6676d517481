package dev.toolverdicts.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Loading the demo catalog against a fake gateway: idempotent on 409, and a clear report while the API is missing. */
class DemoCatalogLoadTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void secondLoadFindsEveryToolAlreadyThereAndStillPublishes() throws IOException {
        Set<String> slugs = ConcurrentHashMap.newKeySet();
        URI gateway = serve(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/catalog/tools")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String slug = body.replaceAll(".*\"slug\":\"([^\"]+)\".*", "$1");
                return slugs.add(slug) ? 201 : 409;
            }
            return path.endsWith("/publish") ? 200 : 404;
        });
        List<DemoTool> tools = DemoCatalog.tools();
        DemoCatalog catalog = new DemoCatalog(gateway);

        DemoLoadReport first = catalog.load(tools);
        DemoLoadReport second = catalog.load(tools);

        assertThat(first.created()).isEqualTo(tools.size());
        assertThat(second.created()).isZero();
        assertThat(second.existing()).isEqualTo(tools.size());
        assertThat(second.published()).isEqualTo(tools.size());
        assertThat(second.succeeded()).isTrue();
    }

    @Test
    void aMissingCatalogApiIsReportedNotThrown() throws IOException {
        URI gateway = serve(exchange -> 404);

        DemoLoadReport report = new DemoCatalog(gateway).load();

        assertThat(report.succeeded()).isFalse();
        assertThat(report.summary())
                .contains("demo data NOT fully loaded")
                .contains("POST /api/catalog/tools (smolvlm-3b) answered 404")
                .contains("the stack keeps running");
    }

    private URI serve(Responder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int status = responder.status(exchange);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private interface Responder {
        int status(HttpExchange exchange) throws IOException;
    }
}
