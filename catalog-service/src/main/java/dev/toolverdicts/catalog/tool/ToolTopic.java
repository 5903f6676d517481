package dev.toolverdicts.catalog.tool;

import dev.toolverdicts.events.EventTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The catalog owns {@code catalog.tool.v1}: compacted by tool id, so the latest state of every tool stays replayable. */
@Configuration(proxyBeanMethods = false)
class ToolTopic {

    @Bean
    NewTopic catalogToolTopic() {
        return TopicBuilder.name(EventTypes.CATALOG_TOOL.topic()).partitions(3).compact().build();
    }
}
