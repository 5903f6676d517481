package dev.toolverdicts.vote.tally;

import dev.toolverdicts.events.EventTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** vote-service owns {@code vote.tally.v1}: compacted by tool id, since each event carries the whole tally. */
@Configuration(proxyBeanMethods = false)
class TallyTopic {

    @Bean
    NewTopic voteTallyTopic() {
        return TopicBuilder.name(EventTypes.VOTE_TALLY.topic()).partitions(3).compact().build();
    }
}
