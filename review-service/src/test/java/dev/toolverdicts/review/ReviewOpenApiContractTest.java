package dev.toolverdicts.review;

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

/** The review API's OpenAPI document is public, OpenAPI 3.1, and lists every endpoint the service answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
@WithJwtIssuer
class ReviewOpenApiContractTest {

    static final String DOCUMENT = "/api/reviews/openapi";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointIsInTheAnonymouslyReadableDocument() throws Exception {
        OpenApiContract.assertPublished(port, DOCUMENT, mapping);
    }
}
