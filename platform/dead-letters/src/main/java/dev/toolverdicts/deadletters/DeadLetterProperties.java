package dev.toolverdicts.deadletters;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a consumer treats a record it cannot apply: how often and how far apart to retry, and which consumed topics
 * get a {@code .DLT} topic (with how many partitions).
 */
@ConfigurationProperties("platform.dead-letters")
public record DeadLetterProperties(
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("3") int partitions,
        @DefaultValue List<String> sourceTopics) {
}
