package dev.toolverdicts.identity.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.OpenApiContract;
import dev.toolverdicts.testsupport.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity's JSON API (everything under {@code /api/identity}) is in its anonymously readable OpenAPI 3.1 document;
 * its HTML pages (sign-in, registration) are not, and the OAuth2/OIDC endpoints are described by the discovery
 * document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
@WithPostgres
class IdentityOpenApiContractTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyApiEndpointIsInTheAnonymouslyReadableDocument() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/identity/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(document.statusCode()).isEqualTo(200);
        Set<String> api = new TreeSet<>(OpenApiContract.endpoints(mapping));
        api.removeIf(endpoint -> !endpoint.split(" ")[1].startsWith("/api/identity/"));
        assertThat(api).isNotEmpty();
        assertThat(OpenApiContract.documented(document.body())).containsAll(api)
                .allSatisfy(endpoint -> assertThat(endpoint.split(" ")[1]).startsWith("/api/identity/"));
        JsonNode parsed = JsonMapper.builder().build().readTree(document.body());
        assertThat(parsed.get("openapi").asString()).startsWith("3.1");
        assertThat(parsed.at("/components/schemas/Problem").isMissingNode()).isFalse();
    }
}
