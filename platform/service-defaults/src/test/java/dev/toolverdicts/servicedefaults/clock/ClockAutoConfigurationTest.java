package dev.toolverdicts.servicedefaults.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ClockAutoConfigurationTest {

    private static final Clock PINNED = Clock.fixed(Instant.parse("2030-01-07T09:00:00Z"), ZoneOffset.UTC);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void anAppGetsTheUtcSystemClock() {
        runner.run(context -> assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void anAppOrATestReplacesItByDeclaringItsOwn() {
        runner.withUserConfiguration(PinnedClock.class)
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(PINNED));
    }

    @Configuration(proxyBeanMethods = false)
    static class PinnedClock {
        @Bean
        Clock pinnedClock() {
            return PINNED;
        }
    }
}
