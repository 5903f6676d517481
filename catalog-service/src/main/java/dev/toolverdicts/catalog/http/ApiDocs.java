package dev.toolverdicts.catalog.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and the rules every endpoint shares, which annotations on single operations would
 * only repeat; served at {@code /api/catalog/openapi} so the gateway's {@code /api/catalog/**} route exposes it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String DESCRIPTION = """
            Tools and editorial matchups of Tool Verdicts.

            * Reads are public and show published (and archived) items; drafts are shown only to editors.
            * Writes need a bearer token with the EDITOR or ADMIN role (401 without a token, 403 with other roles).
            * Request bodies are strict JSON: **unknown fields are rejected** with 400, as are unknown enum values,
              enums given as numbers, wrong types and trailing content. Every 4xx answer is RFC 9457
              `application/problem+json` whose `errors` member names each wrong field (e.g. `pricing.model`).
            * Bodies larger than 64 KiB are refused with 413.
            * The `ETag` of a tool or matchup is its version. Updates (PUT) need `If-Match` with that ETag:
              428 without it, 412 when it is stale. Publish and archive accept `If-Match` optionally.
              Conditional GETs with `If-None-Match` answer 304; lists carry a content ETag.
            * A renamed tool keeps answering at its former slugs with 308 Permanent Redirect to the current one.
            * Creating a tool or matchup whose slug exists already is 409, so loading the same data twice is safe.
            """;

    @Bean
    OpenAPI catalogOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tool Verdicts catalog API").version("v1").description(DESCRIPTION))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
