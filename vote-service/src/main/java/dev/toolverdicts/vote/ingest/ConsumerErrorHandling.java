package dev.toolverdicts.vote.ingest;

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
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record vote-service cannot apply is retried a few times, then parked on {@code <topic>.DLT} with its original
 * bytes and headers, and the partition moves on. Nothing is skipped silently: if the dead letter cannot be
 * written, the record is retried instead.
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
    NewTopic catalogToolDeadLetters() {
        return TopicBuilder.name(Topics.deadLetter(Topics.CATALOG_TOOL)).partitions(3).build();
    }

    @ConfigurationProperties("vote.consumer")
    record RetryProperties(int retryAttempts, Duration retryInterval) {
    }
}
