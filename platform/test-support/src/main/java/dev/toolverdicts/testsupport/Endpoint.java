package dev.toolverdicts.testsupport;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One HTTP method and path pattern an app answers, as its request mappings declare it (e.g.
 * {@code PUT /api/catalog/tools/{slug}}); {@link #inApp} lists them all, so a table can be checked for completeness.
 */
public record Endpoint(String method, String pattern) {

    static final Comparator<Endpoint> ORDER = Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method);

    /** Every method and pattern of every {@link RequestMappingHandlerMapping} in the app; a mapping without a method
     * counts as each of GET, POST, PUT, PATCH and DELETE. */
    public static Set<Endpoint> inApp(ApplicationContext context) {
        Set<Endpoint> endpoints = new TreeSet<>(ORDER);
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    methods.addAll(Set.of("GET", "POST", "PUT", "PATCH", "DELETE"));
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(method -> endpoints.add(new Endpoint(method, pattern)));
                }
            }
        }
        return endpoints;
    }

    /** A concrete path for the pattern: ids become a UUID, numbers 0, an ISO week 2026-W01, anything else a word. */
    public String samplePath() {
        StringBuilder path = new StringBuilder();
        int at = 0;
        while (at < pattern.length()) {
            int open = pattern.indexOf('{', at);
            if (open < 0) {
                path.append(pattern, at, pattern.length());
                break;
            }
            int close = pattern.indexOf('}', open);
            path.append(pattern, at, open).append(sample(pattern.substring(open + 1, close).split(":")[0]));
            at = close + 1;
        }
        return path.toString().replace("/**", "/x").replace("/*", "/x");
    }

    private static String sample(String variable) {
        if (variable.equals("id") || variable.endsWith("Id")) {
            return "00000000-0000-4000-8000-000000000000";
        }
        if (variable.equals("partition") || variable.equals("offset")) {
            return "0";
        }
        if (variable.equals("isoWeek")) {
            return "2026-W01";
        }
        return "matrix-sample";
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
