package dev.toolverdicts.servicedefaults.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any other filter reads them, request headers that Spring's request model cannot represent or that
 * mean two things at once, which would otherwise fail as a 500 or be read differently by different layers: a
 * {@code Content-Type} that is not one concrete media type ({@code garbage}, {@code *}{@code /*}), and a header that
 * may appear only once appearing twice ({@code Authorization}, {@code Content-Type}). Oversized headers never get
 * here: Tomcat refuses them, and {@link ProblemErrorReportValve} says so.
 */
final class RequestHeaderCheck extends OncePerRequestFilter {

    private static final List<String> SINGLE = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.HOST, HttpHeaders.CONTENT_LENGTH);

    private final boolean pages;

    RequestHeaderCheck(boolean pages) {
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !concrete(contentType)) {
            refuse(request, response, "The Content-Type header is not one concrete media type.");
            return;
        }
        for (String name : SINGLE) {
            if (count(request.getHeaders(name)) > 1) {
                refuse(request, response, "The " + name + " header may be given only once.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        // the body, if any, is not read: the connection cannot carry another request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemDetail problem = ErrorAnswers.problem(HttpStatus.BAD_REQUEST, request.getRequestURI());
        problem.setDetail(detail);
        ErrorAnswers.write(request, response, problem, pages);
    }

    private static int count(Enumeration<String> values) {
        return values == null ? 0 : Collections.list(values).size();
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
