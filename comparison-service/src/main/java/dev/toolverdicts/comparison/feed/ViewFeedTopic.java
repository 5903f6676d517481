package dev.toolverdicts.comparison.feed;

import dev.toolverdicts.events.EventTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The comparison service owns {@code comparison.view.v1}: compacted, so the last change of every view stays readable. */
@Configuration(proxyBeanMethods = false)
class ViewFeedTopic {

    @Bean
    NewTopic comparisonViewTopic() {
        return TopicBuilder.name(EventTypes.COMPARISON_VIEW.topic()).partitions(3).compact().build();
    }
}
