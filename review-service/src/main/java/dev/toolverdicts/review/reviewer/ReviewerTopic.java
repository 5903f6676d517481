package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.events.EventTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The review service owns {@code review.reviewer.v1}: compacted by reviewer id, so every reviewer's latest state stays replayable. */
@Configuration(proxyBeanMethods = false)
class ReviewerTopic {

    @Bean
    NewTopic reviewReviewerTopic() {
        return TopicBuilder.name(EventTypes.REVIEW_REVIEWER.topic()).partitions(3).compact().build();
    }
}
