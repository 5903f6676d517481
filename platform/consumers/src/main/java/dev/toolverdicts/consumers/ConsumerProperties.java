package dev.toolverdicts.consumers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every consumer of a service treats a record it cannot apply (how often and how far apart to retry, how many
 * partitions a {@code .DLT} topic gets), how often the lag is read, and what its group ids start with.
 *
 * @param groupPrefix the {@code <service>} of the group ids {@code <service>.<purpose>}; unset, the service's
 *                    {@code spring.application.name}
 */
@ConfigurationProperties("platform.consumers")
public record ConsumerProperties(
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("3") int deadLetterPartitions,
        @DefaultValue("5s") Duration lagInterval,
        String groupPrefix) {
}
