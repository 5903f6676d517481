package dev.toolverdicts.servicedefaults.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ServiceDefaultsEnvironmentTest {

    @Test
    void anEnvironmentVariableWinsOverADefault() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env",
                Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")));

        new ServiceDefaultsEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
    }

    @Test
    void theDefaultsAreAddedOnce() {
        StandardEnvironment environment = new StandardEnvironment();
        ServiceDefaultsEnvironment defaults = new ServiceDefaultsEnvironment();

        defaults.postProcessEnvironment(environment, new SpringApplication());
        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream()
                .filter(source -> source.getName().startsWith(ServiceDefaultsEnvironment.SOURCE_NAME))).hasSize(2);
    }

    @Test
    void theDevStacksAddressesAndCredentialsAreSharedDefaultsNotEachServicesOwn() {
        StandardEnvironment environment = new StandardEnvironment();

        new ServiceDefaultsEnvironment().postProcessEnvironment(environment, new SpringApplication());

        // the dev stack's PostgreSQL user (each service names only its own database) and its mail sink
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
        assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
        assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("spring.mail.port")).isEqualTo("3025");
        // session tables come from each app's Flyway migrations
        assertThat(environment.getProperty("spring.session.jdbc.initialize-schema")).isEqualTo("never");
        // an error answer says nothing about the server
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(environment.getProperty("server.error.include-message")).isEqualTo("never");
        assertThat(environment.getProperty("server.error.include-exception")).isEqualTo("false");
        // where each app is in the dev stack: what web and the gateway call
        assertThat(environment.getProperty("services.catalog.uri")).isEqualTo("http://127.0.0.1:8081");
        assertThat(environment.getProperty("services.review.uri")).isEqualTo("http://127.0.0.1:8082");
        assertThat(environment.getProperty("services.vote.uri")).isEqualTo("http://127.0.0.1:8083");
        assertThat(environment.getProperty("services.comparison.uri")).isEqualTo("http://127.0.0.1:8084");
        assertThat(environment.getProperty("services.newsletter.uri")).isEqualTo("http://127.0.0.1:8085");
        assertThat(environment.getProperty("services.web.uri")).isEqualTo("http://127.0.0.1:8086");
        assertThat(environment.getProperty("services.identity.uri")).isEqualTo("http://127.0.0.1:9000");
        assertThat(environment.getProperty("services.identity.issuer")).isEqualTo("http://localhost:9000");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .isEqualTo("http://127.0.0.1:9000/oauth2/jwks");
    }
}
