package dev.toolverdicts.publishedtools;

import dev.toolverdicts.consumers.EventConsumer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service with this library on its classpath keeps the copy of {@code catalog.tool.v1}: the table (by Flyway), the
 * consumer {@code <service>.published-tools}, and {@link PublishedTools} to ask it.
 */
@AutoConfiguration
public class PublishedToolsAutoConfiguration {

    /** The purpose of the consumer, so its group is {@code <service>.published-tools}. */
    public static final String PURPOSE = "published-tools";

    @Bean
    PublishedToolsFlywayLocations publishedToolsFlywayLocations() {
        return new PublishedToolsFlywayLocations();
    }

    @Bean
    PublishedTools publishedTools(JdbcClient jdbc) {
        return new PublishedTools(jdbc);
    }

    @Bean
    PublishedToolHandler publishedToolHandler(JdbcClient jdbc, PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock, ObjectProvider<ToolAppliedCallback> callbacks) {
        return new PublishedToolHandler(jdbc, new TransactionTemplate(transactions),
                clock.getIfAvailable(Clock::systemUTC), callbacks.orderedStream().toList());
    }

    @Bean
    EventConsumer publishedToolsConsumer(PublishedToolHandler handler) {
        return EventConsumer.of(PURPOSE, handler);
    }
}
