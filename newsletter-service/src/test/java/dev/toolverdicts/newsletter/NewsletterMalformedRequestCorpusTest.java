package dev.toolverdicts.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.WithJwtIssuer;
import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import dev.toolverdicts.testsupport.MalformedRequestCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * test-support's corpus of malformed requests (encoded NULs and slashes, bad percent-encoding, oversized and
 * duplicated headers, odd methods, every content type) sent over a real socket against every route of the running
 * newsletter-service: no answer is a 5xx and every refusal is problem+json (a browser following a mail link may get an HTML page), with no server name or stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@WithPostgres
@WithKafka
@WithJwtIssuer
class NewsletterMalformedRequestCorpusTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noMalformedRequestGetsA5xxAndEveryRefusalIsProblemJson() {
        MalformedRequestCorpus.Report report = MalformedRequestCorpus.run(port, MalformedRequestCorpus.routes(context),
                // the links in the mails (confirm, unsubscribe) open pages in a browser
                path -> path.contains("/confirm") || path.contains("/unsubscribe"));
        System.out.println("malformed-request corpus, newsletter: " + report.summary());
        assertThat(report.wrong()).as(report.summary()).isEmpty();
    }
}
