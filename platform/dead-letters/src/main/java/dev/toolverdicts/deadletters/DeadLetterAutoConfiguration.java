package dev.toolverdicts.deadletters;

import dev.toolverdicts.events.EventCodecException;
import dev.toolverdicts.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Every consumer of the platform treats poison the same way: a record it cannot apply is retried a few times, then
 * parked on {@code <topic>.DLT} with its original bytes and headers (partitioned by its key), and the partition
 * moves on. Nothing is skipped silently: if the dead letter cannot be written, the record is retried instead.
 * A record that does not match the contract is not retried at all.
 */
@AutoConfiguration
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaOperations<Object, Object> template,
            DeadLetterProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts()));
        handler.addNotRetryableExceptions(EventCodecException.class, DeserializationException.class);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(DeadLetterProperties properties) {
        return new KafkaAdmin.NewTopics(properties.sourceTopics().stream()
                .map(topic -> TopicBuilder.name(Topics.deadLetter(topic)).partitions(properties.partitions()).build())
                .toArray(NewTopic[]::new));
    }
}
