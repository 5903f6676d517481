package dev.toolverdicts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.WithPostgres;
import dev.toolverdicts.testsupport.MalformedRequestCorpus;
import dev.toolverdicts.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * test-support's corpus of malformed requests (encoded NULs and slashes, bad percent-encoding, oversized and
 * duplicated headers, odd methods, every content type) sent over a real socket against every route of the running
 * identity-service (its JSON API, the OAuth2/OIDC endpoints and its sign-in and registration pages): no answer is a 5xx and every refusal is problem+json (a browser's page request on a page gets the site's error page), with no server name or stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
@WithPostgres
class IdentityMalformedRequestCorpusTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noMalformedRequestGetsA5xxAndEveryRefusalIsProblemJson() {
        MalformedRequestCorpus.Report report = MalformedRequestCorpus.run(port, MalformedRequestCorpus.routes(context),
                // the OAuth2/OIDC endpoints and the JSON API answer machines; everything else is a page
                path -> !(path.startsWith("/api") || path.startsWith("/oauth2") || path.startsWith("/userinfo")
                        || path.startsWith("/connect") || path.startsWith("/.well-known") || path.startsWith("/actuator")));
        System.out.println("malformed-request corpus, identity: " + report.summary());
        assertThat(report.wrong()).as(report.summary()).isEmpty();
    }

    @Test
    void aBrowsersRefusedPageRequestGetsTheSitesErrorPageInIdentitysOwnStyle() {
        RawHttp.Answer answer = RawHttp.send(port, "PUT /register HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html\r\nContent-Length: 0\r\nConnection: close", new byte[0]);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.body()).contains("Error 403", "/css/identity.css").doesNotContain("Whitelabel");
    }
}
