package dev.toolverdicts.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.ratelimits.Limit;
import dev.toolverdicts.ratelimits.TokenBuckets;
import dev.toolverdicts.testsupport.TestDatabase;
import dev.toolverdicts.testsupport.TestPostgres;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade of a database that holds identity's own buckets (table {@code throttle_bucket}, V5): the library's
 * V0_200_1 runs out of order before identity's V7, which copies the buckets into {@code rate_limit_bucket} and drops
 * {@code throttle_bucket}; an address that was out of sign-in attempts stays out.
 */
class ThrottleBucketMigrationTest {

    @Test
    void anExhaustedAddressStaysExhaustedAcrossTheMove() {
        TestDatabase database = TestPostgres.newDatabase("ThrottleBucketMigrationTest");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        flyway(database, "6", "classpath:db/migration").migrate();
        jdbc.sql("""
                insert into throttle_bucket (bucket_key, tokens, granted, updated_at)
                values ('login-address:203.0.113.7', 0.2, false, now())""").update();

        flyway(database, "latest", "classpath:db/migration", "classpath:db/rate-limits").migrate();

        assertThat(jdbc.sql("select to_regclass('throttle_bucket') is null").query(Boolean.class).single()).isTrue();
        TokenBuckets buckets = new TokenBuckets(new JdbcTemplate(database.dataSource()));
        Limit limit = new Limit(20, Duration.ofMinutes(10));
        assertThat(buckets.take(SignInLimits.LOGIN, "203.0.113.7", limit).allowed()).isFalse();
        assertThat(buckets.take(SignInLimits.LOGIN, "198.51.100.1", limit).allowed()).isTrue();
    }

    private static Flyway flyway(TestDatabase database, String target, String... locations) {
        return Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations(locations).outOfOrder(true).target(target).load();
    }
}
