package dev.toolverdicts.gateway.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other filter reads them, request headers that Spring's request model cannot represent and
 * would otherwise fail on as a 500: a {@code Content-Type} that is not one concrete media type ({@code garbage},
 * {@code *}{@code /*}). And makes an actuator refusal, which comes without a body, a problem like any other.
 */
final class RequestHeaderCheck extends OncePerRequestFilter {

    private final ProblemResponses problems;

    RequestHeaderCheck(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !concrete(contentType)) {
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "The Content-Type header is not one concrete media type.");
            return;
        }
        chain.doFilter(request, response);
        if (request.getRequestURI().startsWith("/actuator/") && !response.isCommitted()
                && (response.getStatus() == 404 || response.getStatus() == 405)) {
            response.resetBuffer();
            problems.write(request, response, HttpStatus.valueOf(response.getStatus()),
                    ContainerErrors.detail(HttpStatus.valueOf(response.getStatus())));
        }
    }

    private static boolean concrete(String value) {
        if (value.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(value);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
