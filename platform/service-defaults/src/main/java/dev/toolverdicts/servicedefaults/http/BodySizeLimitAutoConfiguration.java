package dev.toolverdicts.servicedefaults.http;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts the body limit ({@code platform.http.max-body-bytes}) in front of every filter but the observation one, so no
 * oversized body reaches security, sessions, controllers or routes, and a 413 is still measured and traced.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class BodySizeLimitAutoConfiguration {

    /** After Boot's HTTP observation filter ({@code HIGHEST_PRECEDENCE + 1}), before Spring Session and Security. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${platform.http.max-body-bytes:65536}") int maxBytes) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(maxBytes));
        registration.setOrder(ORDER);
        return registration;
    }
}
