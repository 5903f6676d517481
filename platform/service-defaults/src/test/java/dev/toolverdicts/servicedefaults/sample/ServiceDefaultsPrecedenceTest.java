package dev.toolverdicts.servicedefaults.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.servicedefaults.config.ServiceDefaultsEnvironment;
import dev.toolverdicts.testsupport.WithJwtIssuer;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared configuration is there when the service says nothing, and anything the service says wins: its
 * application.yml, a profile, a test property (environment variables: see {@code ServiceDefaultsEnvironmentTest}).
 */
@WithJwtIssuer
@ActiveProfiles("tuned")
@SpringBootTest(properties = "management.metrics.distribution.maximum-expected-value.http.server.requests=5s")
class ServiceDefaultsPrecedenceTest {

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Test
    void defaultsApplyWhereTheServiceSaysNothing() {
        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus");
        assertThat(environment.getProperty("management.metrics.tags.service")).isEqualTo("sample-service");
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("batch");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.authorities-claim-name"))
                .isEqualTo("roles");
        assertThat(json.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .as("Boot's own mapper took the default").isTrue();
        assertThat(clock).isEqualTo(Clock.systemUTC());
    }

    @Test
    void theServicesYamlWins() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState");
    }

    @Test
    void aProfileAndATestPropertyWin() {
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
        assertThat(environment.getProperty("management.metrics.distribution.maximum-expected-value.http.server.requests"))
                .isEqualTo("5s");
    }

    @Test
    void theDefaultsComeAfterEverySourceTheServiceControls() {
        List<String> names = environment.getPropertySources().stream().map(PropertySource::getName).toList();
        int kafkaDefaults = names.indexOf(ServiceDefaultsEnvironment.KAFKA_SOURCE_NAME);
        int defaults = names.indexOf(ServiceDefaultsEnvironment.SOURCE_NAME);
        List<String> serviceSources = names.stream().filter(name -> name.startsWith("Config resource")
                || name.equals("systemProperties") || name.equals("systemEnvironment")
                || name.equals("Inlined Test Properties")).toList();

        assertThat(serviceSources).hasSizeGreaterThanOrEqualTo(4);
        assertThat(serviceSources).allSatisfy(name -> assertThat(names.indexOf(name)).isLessThan(kafkaDefaults));
        assertThat(kafkaDefaults).isLessThan(defaults);
    }
}
