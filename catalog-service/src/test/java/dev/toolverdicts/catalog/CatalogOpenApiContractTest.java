package dev.toolverdicts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.OpenApiContract;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The catalog API's OpenAPI document is public, OpenAPI 3.1, and lists every endpoint the service answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
@WithJwtIssuer
class CatalogOpenApiContractTest {

    static final String DOCUMENT = "/api/catalog/openapi";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointIsInTheAnonymouslyReadableDocument() throws Exception {
        OpenApiContract.assertPublished(port, DOCUMENT, mapping);
    }

    @Test
    void anEndpointMissingFromTheDocumentFailsTheContract() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + DOCUMENT)).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode api = (ObjectNode) JsonMapper.builder()
                .build().readTree(document.body());
        ((ObjectNode) api.get("paths")).remove("/api/catalog/tools");

        assertThat(OpenApiContract.undocumented(mapping, api.toString()))
                .contains("GET /api/catalog/tools", "POST /api/catalog/tools");
        assertThat(OpenApiContract.undocumented(mapping, document.body())).isEmpty();
    }
}
