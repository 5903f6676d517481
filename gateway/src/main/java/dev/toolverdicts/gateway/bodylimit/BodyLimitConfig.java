package dev.toolverdicts.gateway.bodylimit;

import dev.toolverdicts.gateway.problem.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the body limit in front of every other filter, so no oversized body reaches security, sessions or routes. */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfig {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimitProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(properties.maxSize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
