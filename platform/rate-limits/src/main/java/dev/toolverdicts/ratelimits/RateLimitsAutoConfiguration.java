package dev.toolverdicts.ratelimits;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives a service {@link TokenBuckets} on its DataSource, the bucket table through its Flyway, and the deletion of
 * buckets that have refilled to full ({@code rate-limits.cleanup-every}).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        FlywayAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(RateLimitsProperties.class)
public class RateLimitsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenBuckets tokenBuckets(DataSource dataSource) {
        return new TokenBuckets(new JdbcTemplate(dataSource));
    }

    @Bean
    FullBucketCleanup fullBucketCleanup(TokenBuckets buckets, RateLimitsProperties properties) {
        return new FullBucketCleanup(buckets, properties.cleanupEvery());
    }

    /** Ships the bucket table with the jar, in the service's own Flyway history. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayAutoConfiguration.class)
    static class RateLimitsFlywayConfiguration {

        @Bean
        RateLimitsFlywayLocations rateLimitsFlywayLocations() {
            return new RateLimitsFlywayLocations();
        }
    }
}
