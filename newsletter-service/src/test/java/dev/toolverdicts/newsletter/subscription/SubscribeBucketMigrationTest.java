package dev.toolverdicts.newsletter.subscription;

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
 * The upgrade of a database that holds the newsletter's own buckets (table {@code subscribe_bucket}, V2): the
 * library's V0_200_1 runs out of order before the newsletter's V3, which copies the buckets into
 * {@code rate_limit_bucket} and drops {@code subscribe_bucket}; a mailbox that was out of sign-ups stays out.
 */
class SubscribeBucketMigrationTest {

    @Test
    void anExhaustedMailboxStaysExhaustedAcrossTheMove() {
        TestDatabase database = TestPostgres.newDatabase("SubscribeBucketMigrationTest");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        flyway(database, "2", "classpath:db/migration", "classpath:db/outbox").migrate();
        jdbc.sql("""
                insert into subscribe_bucket (bucket_key, tokens, granted, updated_at)
                values ('mailbox:ada@example.com', 0, false, now())""").update();

        flyway(database, "latest", "classpath:db/migration", "classpath:db/outbox", "classpath:db/rate-limits")
                .migrate();

        assertThat(jdbc.sql("select to_regclass('subscribe_bucket') is null").query(Boolean.class).single()).isTrue();
        TokenBuckets buckets = new TokenBuckets(new JdbcTemplate(database.dataSource()));
        Limit limit = new Limit(5, Duration.ofDays(1));
        assertThat(buckets.take(SubscribeLimits.MAILBOX, "ada@example.com", limit).allowed()).isFalse();
        assertThat(buckets.take(SubscribeLimits.MAILBOX, "bob@example.com", limit).allowed()).isTrue();
    }

    private static Flyway flyway(TestDatabase database, String target, String... locations) {
        return Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations(locations).outOfOrder(true).target(target).load();
    }
}
