package dev.toolverdicts.gateway.cache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayCaching {

    /** Outside Spring Security's chain (order -100), so the headers it writes pass through the policy too. */
    static final int ORDER = -101;

    @Bean
    FilterRegistrationBean<GatewayCachePolicy> gatewayCachePolicy(
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        FilterRegistrationBean<GatewayCachePolicy> registration =
                new FilterRegistrationBean<>(new GatewayCachePolicy(sessionCookie));
        registration.setOrder(ORDER);
        return registration;
    }
}
