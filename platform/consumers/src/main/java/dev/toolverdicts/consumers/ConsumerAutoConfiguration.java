package dev.toolverdicts.consumers;

import dev.toolverdicts.events.EventCodecException;
import dev.toolverdicts.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Turns the service's {@link EventConsumer} beans into running consumers, all treated alike: one listener endpoint per
 * consumer with the explicit group id {@code <service>.<purpose>}; poison retried a few times, then parked on
 * {@code <topic>.DLT} with its original bytes and headers (partitioned by its key), never skipped silently (if the dead
 * letter cannot be written the record is retried instead; a record that breaks the contract is not retried at all);
 * the {@code .DLT} topics of every consumed topic; and the meters {@code events.consumed} and
 * {@code events.consumer.lag}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerAutoConfiguration {

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaOperations<Object, Object> template,
            ConsumerProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts()));
        handler.addNotRetryableExceptions(EventCodecException.class, DeserializationException.class,
                UnhandledEventException.class);
        return handler;
    }

    @Bean
    RegisteredConsumers registeredConsumers(ObjectProvider<EventConsumer> consumers, ConsumerProperties properties,
            Environment environment, ObjectProvider<MeterRegistry> registry) {
        String service = service(environment);
        String prefix = StringUtils.hasText(properties.groupPrefix()) ? properties.groupPrefix() : service;
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        return new RegisteredConsumers(consumers.orderedStream()
                .map(consumer -> new ConsumerDispatcher(consumer, service, consumer.groupId(prefix), meters))
                .toList());
    }

    @Bean
    KafkaListenerConfigurer consumerEndpoints(RegisteredConsumers consumers,
            ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        return registrar -> consumers.all().forEach(consumer -> registrar.registerEndpoint(
                new ConsumerEndpoint(consumer, registry)));
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(RegisteredConsumers consumers, ConsumerProperties properties) {
        return new KafkaAdmin.NewTopics(consumers.topics().stream()
                .map(topic -> TopicBuilder.name(Topics.deadLetter(topic))
                        .partitions(properties.deadLetterPartitions()).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    ConsumerLagMeter consumerLagMeter(KafkaAdmin kafkaAdmin, RegisteredConsumers consumers,
            ObjectProvider<MeterRegistry> registry, ConsumerProperties properties, Environment environment) {
        return new ConsumerLagMeter(kafkaAdmin, consumers, registry.getIfAvailable(SimpleMeterRegistry::new),
                service(environment), properties.lagInterval());
    }

    private static String service(Environment environment) {
        String name = environment.getProperty("spring.application.name");
        if (!StringUtils.hasText(name)) {
            throw new IllegalStateException("spring.application.name names the service in its consumer group ids");
        }
        return name;
    }
}
