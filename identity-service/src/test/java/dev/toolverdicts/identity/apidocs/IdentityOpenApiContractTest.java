package dev.toolverdicts.identity.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.OpenApiContract;
import dev.toolverdicts.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * identity's JSON API (everything under {@code /api/identity}) is in its anonymously readable OpenAPI 3.1 document,
 * with the platform's bearer scheme and problem schema, as every service's is;
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
        String document = OpenApiContract.assertPublished(port, "/api/identity/openapi", mapping, "/api/identity/");

        assertThat(OpenApiContract.documented(document))
                .allSatisfy(endpoint -> assertThat(endpoint.split(" ")[1]).startsWith("/api/identity/"));
    }
}
