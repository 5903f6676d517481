package dev.toolverdicts.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every operation of every service shares, written once instead of on each controller method: errors are RFC
 * 9457 problem+json (schema {@code Problem}, with the {@code errors} member naming each wrong field), callers
 * authenticate with a bearer JWT from identity-service (required to write, optional to read), examples of both, and
 * the server is the gateway (relative {@code /}), not the address the service happens to listen on.
 */
final class PlatformConventions implements OpenApiCustomizer {

    private final String title;

    PlatformConventions(String title) {
        this.title = title;
    }

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String ERROR_RESPONSE = "4XX";

    private static final Set<PathItem.HttpMethod> READS = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS);

    @Override
    public void customise(OpenAPI api) {
        if (api.getInfo() == null || api.getInfo().getTitle() == null
                || api.getInfo().getTitle().equals("OpenAPI definition")) {
            api.info(new Info().title(title).version("v1"));
        }
        api.servers(List.of(new Server().url("/").description("the gateway: every service's API is behind it")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token (typ at+jwt) of identity-service for this API's "
                        + "audience; through the gateway a signed-in browser's session token is relayed instead."));
        components.addSchemas("FieldError", typed("object")
                .addProperty("field", typed("string").description("JSON path of the wrong field")
                        .example("pricing.model"))
                .addProperty("message", typed("string").example("must be one of FREE, PAID, USAGE"))
                .required(List.of("field", "message")));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperationsMap().forEach((method, operation) -> {
            secure(method, operation);
            describeErrors(operation);
        }));
    }

    /** A schema of one JSON type, as both OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) write it. */
    static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").format("uri").example("about:blank"));
        properties.put("title", typed("string").example("Bad Request"));
        properties.put("status", typed("integer").format("int32").example(400));
        properties.put("detail", typed("string").example("Invalid request content."));
        properties.put("instance", typed("string").format("uri-reference"));
        properties.put("errors", typed("array").description("each wrong field of the request")
                .items(new Schema<>().$ref("#/components/schemas/FieldError")));
        return typed("object").description("RFC 9457 problem details").properties(properties)
                .required(List.of("title", "status"));
    }

    private static void secure(PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() != null) {
            return;
        }
        SecurityRequirement bearer = new SecurityRequirement().addList(BEARER);
        operation.setSecurity(READS.contains(method) ? List.of(new SecurityRequirement(), bearer) : List.of(bearer));
    }

    private static void describeErrors(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.computeIfAbsent(ERROR_RESPONSE, code -> new ApiResponse()
                .description("Refused: bad input (400, naming each field), no or wrong token (401, 403), "
                        + "unknown (404), conflict or stale precondition (409, 412, 428), too large (413), "
                        + "throttled (429)"));
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                .addExamples("bad-field", new Example().summary("a wrong field").value(Map.of(
                        "type", "about:blank", "title", "Bad Request", "status", 400,
                        "detail", "Invalid request content.",
                        "errors", List.of(Map.of("field", "pricing.model",
                                "message", "must be one of FREE, PAID, USAGE")))))
                .addExamples("no-token", new Example().summary("no bearer token").value(Map.of(
                        "type", "about:blank", "title", "Unauthorized", "status", 401,
                        "detail", "A bearer token is required."))));
    }
}
