package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.events.EventCodecException;
import dev.toolverdicts.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record the projection cannot apply is retried a few times, then parked on {@code <topic>.DLT} with its
 * original bytes and headers, and the partition moves on. Nothing is ever skipped silently: if the dead letter
 * cannot be written, the record is retried instead. Dead letters can be re-applied by an admin after a fix.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerErrorHandling.RetryProperties.class)
class ConsumerErrorHandling {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> template, RetryProperties retry) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(retry.retryInterval().toMillis(), retry.retryAttempts()));
        handler.addNotRetryableExceptions(EventCodecException.class, DeserializationException.class);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics() {
        return new KafkaAdmin.NewTopics(SourceTopics.ALL.stream()
                .map(topic -> TopicBuilder.name(Topics.deadLetter(topic)).partitions(3).build())
                .toArray(NewTopic[]::new));
    }

    @ConfigurationProperties("comparison.consumer")
    record RetryProperties(int retryAttempts, Duration retryInterval) {
    }
}
