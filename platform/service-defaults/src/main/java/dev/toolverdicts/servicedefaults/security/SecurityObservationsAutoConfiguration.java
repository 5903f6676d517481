package dev.toolverdicts.servicedefaults.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Spring Security observations in any app: it would wrap every filter of the chain, each authentication and each
 * authorization in an observation of its own (13% of the gateway's CPU on cached reads in a profile), and the
 * platform's dashboards use none of them; {@code http.server.requests} still times every request. An app that needs
 * them declares its own {@link SecurityObservationSettings}.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.security.config.observation.SecurityObservationSettings")
public class SecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
