package dev.toolverdicts.newsletter.subscription;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolverdicts.newsletter.NewsletterApplication;
import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Kubernetes runs the service with no profile at all: such a start with the published dev link secret must fail,
 * naming the property and its variable. (The guard once waited for a {@code prod} profile nothing ever set.)
 */
class ProductionStartTest {

    private final TestDatabase database = TestPostgres.newDatabase("newsletter_production");

    @Test
    void aStartWithoutTheDevProfileRefusesTheDevLinkSecret() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NewsletterApplication.class).run(
                // replaces the test classpath's dev profile; no configuration names this one: as good as none
                "--spring.profiles.active=kubernetes",
                "--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()).close())
                .rootCause()
                .hasMessageContaining("newsletter.tokens.secret")
                .hasMessageContaining("NEWSLETTER_TOKEN_SECRET");
    }
}
