package dev.toolverdicts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.toolverdicts.testsupport.WithKafka;
import dev.toolverdicts.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox reads time from the application's {@link Clock} bean: append time and publish time alike. */
@SpringBootTest(classes = {OutboxTestApplication.class, OutboxClockTest.FixedClock.class})
@WithPostgres
@WithKafka
@DirtiesContext
class OutboxClockTest {

    private static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void appendAndPublishAreStampedByTheApplicationsClock() {
        String topic = "clock-" + UUID.randomUUID();
        UUID eventId = new TransactionTemplate(transactionManager)
                .execute(status -> outbox.append(TestEvent.on(topic), TestEvent.of("tool-1", 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?", Boolean.class, eventId));

        assertThat(jdbc.queryForObject("SELECT created_at FROM outbox_event WHERE event_id = ?", Timestamp.class,
                eventId).toInstant()).isEqualTo(NOW);
        assertThat(jdbc.queryForObject("SELECT published_at FROM outbox_event WHERE event_id = ?", Timestamp.class,
                eventId).toInstant()).isEqualTo(NOW);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
