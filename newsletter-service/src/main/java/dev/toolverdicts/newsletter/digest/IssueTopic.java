package dev.toolverdicts.newsletter.digest;

import dev.toolverdicts.events.EventTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The newsletter service owns {@code newsletter.issue.v1}: keyed by ISO week, compacted to each issue's last state. */
@Configuration(proxyBeanMethods = false)
class IssueTopic {

    @Bean
    NewTopic newsletterIssueTopic() {
        return TopicBuilder.name(EventTypes.NEWSLETTER_ISSUE.topic()).partitions(3)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
