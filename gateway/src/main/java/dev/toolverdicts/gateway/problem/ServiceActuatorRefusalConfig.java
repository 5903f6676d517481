package dev.toolverdicts.gateway.problem;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the refusal of service actuator paths right behind service-defaults' header check, in front of the body limit,
 * sessions, security and the form filter.
 */
@Configuration(proxyBeanMethods = false)
class ServiceActuatorRefusalConfig {

    @Bean
    FilterRegistrationBean<ServiceActuatorRefusal> serviceActuatorRefusal(ProblemResponses problems) {
        FilterRegistrationBean<ServiceActuatorRefusal> registration =
                new FilterRegistrationBean<>(new ServiceActuatorRefusal(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }
}
