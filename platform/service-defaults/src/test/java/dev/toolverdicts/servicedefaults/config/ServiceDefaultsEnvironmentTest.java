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
}
