package dev.toolverdicts.apidocs;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Gives every service the same API documentation: its document carries the platform's conventions
 * ({@link PlatformConventions}) and the service's examples ({@link SchemaExamples}), and is readable without a token
 * at {@code springdoc.api-docs.path}
 * ({@code /api/<service>/openapi}, behind the gateway's route of the service), ahead of the service's own rules.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsAutoConfiguration {

    @Bean
    OpenApiCustomizer platformConventions(@Value("${spring.application.name:service}") String application) {
        return new PlatformConventions("Tool Verdicts " + application.replace("-service", "") + " API");
    }

    @Bean
    OpenApiCustomizer schemaExamples() {
        return new SchemaExamples();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
    AccessRules apiDocsAccess(@Value("${springdoc.api-docs.path}") String path) {
        return requests -> requests.requestMatchers(HttpMethod.GET, path, path + ".yaml", path + "/**").permitAll();
    }
}
