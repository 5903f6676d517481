package dev.toolverdicts.gateway.problem;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the header check right behind the body limit, then the refusal of service actuator paths, in front of sessions,
 * security and the form filter.
 */
@Configuration(proxyBeanMethods = false)
class RequestHeaderCheckConfig {

    @Bean
    FilterRegistrationBean<RequestHeaderCheck> requestHeaderCheck(ProblemResponses problems) {
        FilterRegistrationBean<RequestHeaderCheck> registration =
                new FilterRegistrationBean<>(new RequestHeaderCheck(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ServiceActuatorRefusal> serviceActuatorRefusal(ProblemResponses problems) {
        FilterRegistrationBean<ServiceActuatorRefusal> registration =
                new FilterRegistrationBean<>(new ServiceActuatorRefusal(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
