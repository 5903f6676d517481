package dev.toolverdicts.newsletter.digest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The weekly job's lock across instances: ShedLock on the service's own database, with the database's clock (so the
 * instances' clocks need not agree). It is kept alive while a send runs, so a long send keeps it and a crashed
 * instance loses it within {@code newsletter.digest.lock-at-most-for}.
 */
@Configuration(proxyBeanMethods = false)
class JobLock {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService jobLockKeepAlive() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-lock-keepalive")
                .factory());
    }

    @Bean
    LockingTaskExecutor jobLockExecutor(DataSource dataSource, ScheduledExecutorService jobLockKeepAlive) {
        return lockingExecutor(dataSource, jobLockKeepAlive);
    }

    static LockingTaskExecutor lockingExecutor(DataSource dataSource, ScheduledExecutorService keepAlive) {
        var provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
        return new DefaultLockingTaskExecutor(new KeepAliveLockProvider(provider, keepAlive));
    }
}
