package dev.toolverdicts.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.OpenApiContract;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The comparison API's OpenAPI document is public, OpenAPI 3.1, and lists every endpoint the service answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
@WithJwtIssuer
class ComparisonOpenApiContractTest {

    static final String DOCUMENT = "/api/comparisons/openapi";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointIsInTheAnonymouslyReadableDocument() throws Exception {
        String document = OpenApiContract.assertPublished(port, DOCUMENT, mapping);
        JsonNode api = JsonMapper.builder().build().readTree(document);
        assertThat(api.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(api.at("/paths/~1badges~1tools~1{slug}.svg/get/responses/4XX/content/application~1problem+json"
                + "/schema/$ref").asString()).isEqualTo("#/components/schemas/Problem");
        // the views are sent as bytes serialised once (SerializedView<T>), documented as the view itself
        assertThat(api.at("/paths/~1api~1comparisons~1tools~1{slug}/get/responses/200/content/application~1json"
                + "/schema/$ref").asString()).isEqualTo("#/components/schemas/ToolVerdictView");
        assertThat(api.at("/paths/~1api~1comparisons~1matchups~1{slug}/get/responses/200/content/application~1json"
                + "/schema/$ref").asString()).isEqualTo("#/components/schemas/MatchupView");
        assertThat(document).doesNotContain("SerializedView");
    }
}
