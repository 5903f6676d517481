package dev.toolverdicts.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.MalformedRequestCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * test-support's corpus of malformed requests (encoded NULs and slashes, bad percent-encoding, oversized and
 * duplicated headers, odd methods, every content type) sent over a real socket against every route of the running
 * web front end (its upstreams answering from the services' golden answers): no answer is a 5xx and every refusal is problem+json or, for a browser's page request on a page, the site's error page, with no server name or stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebMalformedRequestCorpusTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private static final GoldenServices SERVICES = new GoldenServices();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("catalog", "comparison", "review", "vote", "newsletter")) {
            registry.add("services." + service + ".uri", SERVICES::uri);
        }
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Test
    void noMalformedRequestGetsA5xxAndEveryRefusalIsProblemJson() {
        MalformedRequestCorpus.Report report = MalformedRequestCorpus.run(port, MalformedRequestCorpus.routes(context),
                path -> !path.startsWith("/api") && !path.startsWith("/actuator"));
        System.out.println("malformed-request corpus, web: " + report.summary());
        assertThat(report.wrong()).as(report.summary()).isEmpty();
    }
}
