package dev.toolverdicts.catalog.matchup;

import dev.toolverdicts.events.EventTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The catalog owns {@code catalog.matchup.v1}: compacted by matchup id, so the latest state of each stays replayable. */
@Configuration(proxyBeanMethods = false)
class MatchupTopic {

    @Bean
    NewTopic catalogMatchupTopic() {
        return TopicBuilder.name(EventTypes.CATALOG_MATCHUP.topic()).partitions(3).compact().build();
    }
}
