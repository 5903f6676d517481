package dev.toolverdicts.catalog.http;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The servlet filters of the catalog API: the body size limit in front of everything, and content-hash ETags
 * (with 304 on {@code If-None-Match}) for the public lists, whose content has no single version to tag it with.
 */
@Configuration(proxyBeanMethods = false)
class HttpFilters {

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${catalog.max-body-bytes:65536}") int maxBytes) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(maxBytes));
        registration.addUrlPatterns("/api/catalog/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/catalog/tools", "/api/catalog/matchups");
        return registration;
    }
}
