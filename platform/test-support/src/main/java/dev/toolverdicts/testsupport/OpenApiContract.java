package dev.toolverdicts.testsupport;

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

/**
 * The contract between a service's controllers and its OpenAPI document: every endpoint the service answers
 * (method and path of each {@code @RequestMapping} of its own controllers) is an operation of the document, so an API
 * client never has to read Java to find one. Spring's and springdoc's own endpoints (the error page, the document
 * itself) are not the service's API and are left out.
 */
public final class OpenApiContract {

    private static final List<String> FRAMEWORK_PACKAGES = List.of("org.springframework.", "org.springdoc.");

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

    /** Fails, naming each one, when an endpoint of the service is not in its document. */
    public static void assertEveryEndpointDocumented(RequestMappingHandlerMapping mapping, String openApiJson) {
        Set<String> endpoints = endpoints(mapping);
        if (endpoints.isEmpty()) {
            throw new AssertionError("the service has no endpoints: is this the right handler mapping?");
        }
        Set<String> missing = undocumented(mapping, openApiJson);
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
