package dev.toolverdicts.comparison.community;

import dev.toolverdicts.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Where tally events the projection cannot apply are parked by the shared error handler. */
@Configuration(proxyBeanMethods = false)
class VoteTallyDeadLetters {

    @Bean
    NewTopic voteTallyDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(Topics.VOTE_TALLY)).partitions(3).build();
    }
}
