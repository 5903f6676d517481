package dev.toolverdicts.newsletter.feed;

import dev.toolverdicts.consumers.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The newsletter's one consumer, {@code newsletter-service.digest-feed}: the copies and the change log a digest is
 * built from. Every handler is version-guarded and every logged change has a key derived from its event, so the
 * replay a new group starts with (from the earliest offsets) changes nothing already held.
 */
@Configuration(proxyBeanMethods = false)
class DigestFeedConsumer {

    static final String PURPOSE = "digest-feed";

    @Bean
    EventConsumer digestFeedEventConsumer(ToolFeed tools, MatchupFeed matchups, VerdictFeed verdicts,
            TallyFeed tallies) {
        return EventConsumer.of(PURPOSE, tools, matchups, verdicts, tallies);
    }
}
