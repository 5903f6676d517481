package dev.toolverdicts.catalog.http;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Content-hash ETags (with 304 on {@code If-None-Match}) for the public lists of the catalog API, whose content has no
 * single version to tag it with. (The body size limit is the platform's: service-defaults.)
 */
@Configuration(proxyBeanMethods = false)
class HttpFilters {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/catalog/tools", "/api/catalog/matchups");
        return registration;
    }
}
