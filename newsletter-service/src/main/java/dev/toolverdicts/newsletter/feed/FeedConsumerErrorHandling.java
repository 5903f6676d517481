package dev.toolverdicts.newsletter.feed;

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
 * A consumed record the feed cannot apply is retried a few times, then parked on {@code <topic>.DLT} with its
 * original bytes and headers, and the partition moves on. Nothing is skipped silently: if the dead letter cannot be
 * written, the record is retried instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedConsumerErrorHandling.RetryProperties.class)
class FeedConsumerErrorHandling {

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
        return deadLetters(Topics.CATALOG_TOOL);
    }

    @Bean
    NewTopic catalogMatchupDeadLetters() {
        return deadLetters(Topics.CATALOG_MATCHUP);
    }

    @Bean
    NewTopic reviewVerdictDeadLetters() {
        return deadLetters(Topics.REVIEW_VERDICT);
    }

    @Bean
    NewTopic voteTallyDeadLetters() {
        return deadLetters(Topics.VOTE_TALLY);
    }

    private static NewTopic deadLetters(String topic) {
        return TopicBuilder.name(Topics.deadLetter(topic)).partitions(3).build();
    }

    @ConfigurationProperties("newsletter.consumer")
    record RetryProperties(int retryAttempts, Duration retryInterval) {
    }
}
