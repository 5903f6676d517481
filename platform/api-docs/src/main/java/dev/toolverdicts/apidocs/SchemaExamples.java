package dev.toolverdicts.apidocs;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives a component schema its example from the service's own {@code openapi-examples/<SchemaName>.json}, so a
 * request body is shown as a body the service accepts (the contract test validates each example against its schema
 * and requires one for every request body), written as JSON beside the code instead of as strings in annotations.
 */
final class SchemaExamples implements OpenApiCustomizer {

    static final String FOLDER = "openapi-examples/";

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> {
            ClassPathResource example = new ClassPathResource(FOLDER + name + ".json");
            if (example.exists()) {
                try (InputStream json = example.getInputStream()) {
                    schema.setExample(Json.mapper().readValue(json, Object.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + FOLDER + name + ".json", e);
                }
            }
        });
    }
}
