package dev.toolverdicts.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.testsupport.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A service with the library gets the bucket table through its own Flyway, and {@link TokenBuckets} on its DataSource. */
@WithPostgres
@SpringBootTest
class RateLimitsAutoConfigurationTest {

    @Autowired
    TokenBuckets buckets;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTableIsInTheServicesFlywayHistoryAndTakesWork() {
        Limit one = new Limit(1, Duration.ofHours(1));
        assertThat(buckets.take("wired", "a", one).allowed()).isTrue();
        assertThat(buckets.take("wired", "a", one).allowed()).isFalse();
        assertThat(jdbc.sql("select version from flyway_schema_history where script like 'V0_200_1%'")
                .query(String.class).single()).isEqualTo("0.200.1");
    }
}
