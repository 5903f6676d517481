package dev.toolverdicts.gateway.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.toolverdicts.servicedefaults.errors.ErrorAnswers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No service's actuator is reachable through the gateway, whatever a service maps under its API prefix or a proxy
 * rewrites: any {@code /api/...} path with an {@code actuator} segment (decoded, path parameters ignored) is a 404
 * problem here and never proxied. The gateway's own {@code /actuator} is on the management port outside the dev
 * profile, so on the public port it is a 404 as well (given its body by service-defaults' {@code EmptyErrorBodies}).
 */
final class ServiceActuatorRefusal extends OncePerRequestFilter {

    private final ProblemResponses problems;

    ServiceActuatorRefusal(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (namesAServiceActuator(request.getRequestURI())) {
            problems.write(request, response, HttpStatus.NOT_FOUND, ErrorAnswers.detail(HttpStatus.NOT_FOUND));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean namesAServiceActuator(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return path.startsWith("/api/") && Arrays.stream(path.split("/"))
                .map(segment -> segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment)
                .anyMatch("actuator"::equals);
    }
}
