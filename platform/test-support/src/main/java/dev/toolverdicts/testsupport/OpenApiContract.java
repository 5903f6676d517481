package dev.toolverdicts.testsupport;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract between a service's controllers and its OpenAPI document: every endpoint the service answers
 * (method and path of each {@code @RequestMapping} of its own controllers) is an operation of the document, so an API
 * client never has to read Java to find one. Spring's and springdoc's own endpoints (the error page, the document
 * itself) are not the service's API and are left out.
 */
public final class OpenApiContract {

    // service-defaults answers the error page of every app
    private static final List<String> FRAMEWORK_PACKAGES = List.of("org.springframework.", "org.springdoc.",
            "dev.toolverdicts.servicedefaults.");

    private OpenApiContract() {
    }

    /** Each endpoint as {@code "GET /api/x/{id}"}, of the service's own controllers. */
    public static Set<String> endpoints(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!isFramework(handler)) {
                endpoints.addAll(endpoints(info));
            }
        });
        return endpoints;
    }

    /** Each operation of the OpenAPI document (JSON) as {@code "GET /api/x/{id}"}. */
    public static Set<String> documented(String openApiJson) {
        JsonNode paths = JsonMapper.builder().build().readTree(openApiJson).path("paths");
        Set<String> operations = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (isMethod(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return operations;
    }

    /** The endpoints the document does not list; empty when the contract holds. */
    public static Set<String> undocumented(RequestMappingHandlerMapping mapping, String openApiJson) {
        Set<String> missing = new TreeSet<>(endpoints(mapping));
        missing.removeAll(documented(openApiJson));
        return missing;
    }

    /**
     * The whole contract of a running service, as every service's contract test checks it: the document at
     * {@code path} answers 200 without a token, is OpenAPI 3.1 with the platform's bearer scheme and problem schema,
     * lists every endpoint and has a valid example of every request body; it is also written to
     * {@code target/openapi/document.json} (what docs/screenshots/swagger-ui.png shows, for whoever retakes it).
     * Returns the document.
     */
    public static String assertPublished(int port, String path, RequestMappingHandlerMapping mapping)
            throws IOException, InterruptedException {
        return assertPublished(port, path, mapping, "/");
    }

    /**
     * {@link #assertPublished(int, String, RequestMappingHandlerMapping)} for a service that documents only the
     * endpoints under {@code prefix} (identity: its JSON API, not its HTML pages or the OAuth2 endpoints).
     */
    public static String assertPublished(int port, String path, RequestMappingHandlerMapping mapping, String prefix)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError(path + " answered " + answer.statusCode() + " without a token: " + answer.body());
        }
        String document = answer.body();
        assertEveryEndpointDocumented(mapping, document, prefix);
        Files.createDirectories(Path.of("target/openapi"));
        Files.writeString(Path.of("target/openapi/document.json"), document);
        JsonNode api = JsonMapper.builder().build().readTree(document);
        expect(api.path("openapi").asString("").startsWith("3.1"), "OpenAPI 3.1, was " + api.path("openapi"));
        expect(api.at("/components/securitySchemes/bearer/scheme").asString("").equals("bearer"),
                "the bearer security scheme");
        expect(api.at("/components/schemas/Problem/properties/errors/type").asString("").equals("array"),
                "the problem+json schema with its errors array");
        assertEveryRequestBodyHasAValidExample(api);
        return document;
    }

    /**
     * Every request body's schema has an example, and the example is valid against that schema (JSON Schema 2020-12,
     * as OpenAPI 3.1 means it, networknt's validator), so the document shows a body the service accepts.
     */
    static void assertEveryRequestBodyHasAValidExample(JsonNode api) {
        Set<String> problems = new TreeSet<>();
        for (String path : api.path("paths").propertyNames()) {
            for (String method : api.path("paths").get(path).propertyNames()) {
                JsonNode content = api.path("paths").get(path).get(method).path("requestBody").path("content");
                for (String mediaType : content.propertyNames()) {
                    String ref = content.get(mediaType).path("schema").path("$ref").asString("");
                    String operation = method.toUpperCase(Locale.ROOT) + " " + path;
                    JsonNode schema = ref.isEmpty() ? content.get(mediaType).path("schema") : api.at(ref.substring(1));
                    JsonNode example = content.get(mediaType).has("example") ? content.get(mediaType).get("example")
                            : schema.has("example") ? schema.get("example") : schema.path("examples").get(0);
                    if (example == null || example.isNull()) {
                        problems.add(operation + ": no example of " + (ref.isEmpty() ? "its body" : ref));
                        continue;
                    }
                    validate(api, ref, example).forEach(error -> problems.add(operation + ": " + error));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("request bodies without a valid example: " + problems);
        }
    }

    /**
     * The example checked against the component it is an example of, with the document's other components, each
     * closed to fields it does not list.
     */
    private static List<String> validate(JsonNode api, String ref, JsonNode example) {
        if (ref.isEmpty()) {
            return List.of();
        }
        ObjectNode root = JsonMapper.builder().build().createObjectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema").put("$ref", ref);
        JsonNode components = api.path("components").deepCopy();
        closed(components);
        root.set("components", components);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root)
                .validate(example).stream().map(error -> "example " + error.getInstanceLocation() + ": " + error.getMessage()
                        + (error.getProperty() == null ? "" : " (" + error.getProperty() + ")")).toList();
    }

    /** An example carries no field its schema does not name (the services refuse unknown fields). */
    private static void closed(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(OpenApiContract::closed);
    }

    private static void expect(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError("the OpenAPI document lacks " + what);
        }
    }

    /** Fails, naming each one, when an endpoint of the service is not in its document. */
    public static void assertEveryEndpointDocumented(RequestMappingHandlerMapping mapping, String openApiJson) {
        assertEveryEndpointDocumented(mapping, openApiJson, "/");
    }

    /** Fails, naming each one, when an endpoint under {@code prefix} is not in the document. */
    public static void assertEveryEndpointDocumented(RequestMappingHandlerMapping mapping, String openApiJson,
            String prefix) {
        Set<String> endpoints = new TreeSet<>(endpoints(mapping));
        endpoints.removeIf(endpoint -> !endpoint.substring(endpoint.indexOf(' ') + 1).startsWith(prefix));
        if (endpoints.isEmpty()) {
            throw new AssertionError("the service has no endpoints under " + prefix
                    + ": is this the right handler mapping?");
        }
        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(documented(openApiJson));
        if (!missing.isEmpty()) {
            throw new AssertionError("endpoints missing from the OpenAPI document: " + missing);
        }
    }

    private static boolean isFramework(HandlerMethod handler) {
        String type = handler.getBeanType().getName();
        return FRAMEWORK_PACKAGES.stream().anyMatch(type::startsWith);
    }

    private static List<String> endpoints(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> endpoints = new ArrayList<>();
        for (String pattern : info.getPatternValues()) {
            String path = withoutRegex(pattern);
            if (methods.isEmpty()) {
                endpoints.add("GET " + path);
            }
            methods.forEach(method -> endpoints.add(method.name() + " " + path));
        }
        return endpoints;
    }

    /** {@code /tools/{slug:[a-z-]+}} is documented as {@code /tools/{slug}}. */
    static String withoutRegex(String pattern) {
        return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }

    private static boolean isMethod(String name) {
        return Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(name);
    }
}
