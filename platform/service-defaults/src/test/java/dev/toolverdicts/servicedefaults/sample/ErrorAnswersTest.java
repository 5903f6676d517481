package dev.toolverdicts.servicedefaults.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.MalformedRequestCorpus;
import dev.toolverdicts.testsupport.RawHttp;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What service-defaults' {@code errors} package gives a service without any wiring: Tomcat's, the error page's,
 * the firewall's and a bodiless handler's refusals all as problem+json, with nothing about the server; the whole
 * malformed-request corpus answered without a 5xx.
 */
@WithJwtIssuer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorAnswersTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private RawHttp.Answer get(String target, String... headers) {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost");
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        return RawHttp.send(port, head.append("\r\nConnection: close").toString(), new byte[0]);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Tomcat", "Exception");
        assertThat(answer.header("server")).isNull();
    }

    @Test
    void anErrorStatusWithoutABodyBecomesAProblem() {
        assertProblem(get("/api/conflicts/bare"), 409);
        assertProblem(get("/api/conflicts/flushed"), 409);
    }

    @Test
    void anErrorWithABodyOfItsOwnAndAStreamPassUntouched() {
        RawHttp.Answer told = get("/api/conflicts/told");
        assertThat(told.status()).isEqualTo(409);
        assertThat(told.body()).isEqualTo("taken");
        RawHttp.Answer stream = get("/api/stream");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.body()).contains("one\n", "two\n");
    }

    @Test
    void anAddressTomcatCannotDecodeIsAProblemNotTomcatsPage() {
        assertProblem(get("/api/things/a%00b", "Accept: text/html"), 400);
        assertProblem(get("/api/things/a%zz"), 400);
    }

    @Test
    void whatTheFirewallRejectsIsAProblem() {
        assertProblem(get("/api/things;x=y"), 400);
        assertProblem(get("/api/things/%2e%2e/admin"), 400);
    }

    @Test
    void headersThatMeanTwoThingsOrNothingAreAProblem() {
        assertProblem(get("/api/things", "Content-Type: garbage"), 400);
        assertProblem(get("/api/things", "Authorization: Bearer a", "Authorization: Bearer b"), 400);
        assertProblem(get("/api/things", "X-Big: " + "x".repeat(20_000)), 400);
    }

    @Test
    void aRefusalIsAProblemEvenForABrowserInAServiceWithoutPages() {
        // a resource server denies what its rules do not name: unauthenticated, that is a 401
        assertProblem(get("/nowhere", "Accept: text/html"), 401);
        assertProblem(get("/error", "Accept: text/html"), 404);
    }

    @Test
    void theWholeCorpusGetsNo5xxAndOnlyProblems() {
        Set<String> routes = new TreeSet<>(MalformedRequestCorpus.routes(context));
        // answers its own text/plain 409 on purpose (see above)
        routes.remove("/api/conflicts/told");
        MalformedRequestCorpus.Report report = MalformedRequestCorpus.run(port, routes, path -> false);
        System.out.println("malformed-request corpus, sample service: " + report.summary());
        assertThat(report.wrong()).as(report.summary()).isEmpty();
    }
}
