package dev.toolverdicts.apidocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code api-docs-defaults.yml} (OpenAPI 3.1, JSON answers) behind the app's own configuration, so a service
 * that documents its API needs to say only where ({@code springdoc.api-docs.path}).
 */
public class ApiDocsDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "api-docs-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(SOURCE_NAME + ".yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SOURCE_NAME + ".yml", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
