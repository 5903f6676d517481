package dev.toolverdicts.review.verdict;

import dev.toolverdicts.events.EventTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The review service owns {@code review.verdict.v1}. It is keyed by tool id for per-tool order, so it must not be
 * compacted (that would keep one verdict per tool); it keeps every event instead, and stays replayable.
 */
@Configuration(proxyBeanMethods = false)
class VerdictTopic {

    @Bean
    NewTopic reviewVerdictTopic() {
        return TopicBuilder.name(EventTypes.REVIEW_VERDICT.topic()).partitions(3)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }
}
