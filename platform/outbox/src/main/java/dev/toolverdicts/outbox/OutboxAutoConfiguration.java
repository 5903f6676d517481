package dev.toolverdicts.outbox;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a service an {@link Outbox} on its DataSource, the outbox table through its Flyway, and an
 * {@link OutboxRelay} publishing to its Kafka. Off with {@code outbox.enabled=false}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, FlywayAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnClass({JdbcClient.class, KafkaProperties.class})
@ConditionalOnProperty(prefix = "outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class, KafkaProperties.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRepository outboxRepository(DataSource dataSource, OutboxProperties properties) {
        return new OutboxRepository(JdbcClient.create(dataSource), properties.batchIdleTimeout());
    }

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    @ConditionalOnMissingBean(Outbox.class)
    Outbox outbox(OutboxRepository repository, OutboxSignal signal, ObjectProvider<Clock> clock,
            ObjectProvider<TraceparentSource> traceparent) {
        return new JdbcOutbox(repository, signal, clock(clock),
                traceparent.getIfAvailable(() -> TraceparentSource.NONE));
    }

    @Bean
    OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry, OutboxRepository repository) {
        return new OutboxMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry), repository);
    }

    @Bean(destroyMethod = "close")
    RelayProducer outboxRelayProducer(KafkaProperties kafka, Environment environment) {
        return new RelayProducer(RelayProducerSettings.from(kafka.buildProducerProperties(), applicationName(environment)));
    }

    @Bean
    OutboxBatchPublisher outboxBatchPublisher(PlatformTransactionManager transactionManager,
            OutboxRepository repository, RelayProducer producer, OutboxMetrics metrics, OutboxProperties properties,
            ObjectProvider<Clock> clock, Environment environment) {
        return new OutboxBatchPublisher(new TransactionTemplate(transactionManager), repository, producer,
                new CloudEventRecords(applicationName(environment)), metrics, clock(clock), properties.batchSize());
    }

    @Bean
    OutboxRelay outboxRelay(OutboxBatchPublisher publisher, OutboxRepository repository, OutboxSignal signal,
            OutboxProperties properties, ObjectProvider<Clock> clock) {
        return new OutboxRelay(publisher, repository, signal, properties, clock(clock));
    }

    /** The application's clock (service defaults provide one), the system's UTC clock without one. */
    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    private static String applicationName(Environment environment) {
        return environment.getProperty("spring.application.name", "application");
    }

    /** With Micrometer Tracing on the classpath, each append records the current traceparent for the relay. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static class OutboxTracingConfiguration {

        @Bean
        TraceparentSource outboxTraceparentSource(ObjectProvider<io.micrometer.tracing.Tracer> tracers,
                ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagators) {
            return new MicrometerTraceparentSource(tracers, propagators);
        }
    }

    /** Ships the outbox table with the jar, in the service's own Flyway history. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayAutoConfiguration.class)
    static class OutboxFlywayConfiguration {

        @Bean
        OutboxFlywayLocations outboxFlywayLocations() {
            return new OutboxFlywayLocations();
        }
    }
}
