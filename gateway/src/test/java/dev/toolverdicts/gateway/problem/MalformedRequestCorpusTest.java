package dev.toolverdicts.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.gateway.Upstreams;
import dev.toolverdicts.testsupport.MalformedRequestCorpus;
import dev.toolverdicts.testsupport.RawHttp;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * test-support's corpus of malformed requests sent over a real socket against every route prefix of the gateway:
 * no answer is a 5xx, every refusal on an API path is problem+json, a browser's page request gets the site's page,
 * and no answer names the server or shows a stack trace.
 */
@WithPostgres
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestCorpusTest {

    private static final Upstreams UPSTREAMS = new Upstreams();

    private static final List<String> PREFIXES = List.of("/api/catalog/tools", "/api/comparisons/tools",
            "/api/reviews/verdicts", "/api/votes/tools", "/api/newsletter/subscriptions", "/api/identity/registrations",
            "/api/elsewhere", "/api", "/tools", "/login", "/oauth2/authorization", "/actuator/health", "/error");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.close();
    }

    @Test
    void noMalformedRequestGetsA5xxAndEveryApiRefusalIsProblemJson() {
        MalformedRequestCorpus.Report report = MalformedRequestCorpus.run(port, PREFIXES,
                path -> !path.startsWith("/api"),
                // the stand-in upstreams (JDK HttpServer) write their own HTML for what they refuse
                answer -> answer.body().contains("<html><body>") || answer.body().startsWith("<h1>"));
        System.out.println("malformed-request corpus, gateway: " + report.summary());
        assertThat(report.wrong()).as(report.summary()).isEmpty();
    }

    @Test
    void aPageRequestWithABadAddressGetsTheSitesErrorPage() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /tools/a%00b HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html,application/xhtml+xml\r\nConnection: close", new byte[0]);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.body()).contains("Tool Verdicts", "Error 400").doesNotContain("Tomcat", "Apache");
    }

    @Test
    void theIssuesExampleIsAProblemNotTomcatsPage() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/catalog/tools/a%00b HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html\r\nConnection: close", new byte[0]);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).as(answer.headers().toString())
                .contains("\"status\":400", "\"title\":\"Bad Request\"");
    }
}
