package dev.toolverdicts.gateway.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import dev.toolverdicts.servicedefaults.errors.ErrorAnswers;
import dev.toolverdicts.servicedefaults.errors.ErrorPage;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answers the gateway gives on its own (429, 503, a refused actuator path, a security refusal) as RFC 9457
 * problem+json (what Tomcat, the error page and the firewall refuse is service-defaults' {@code errors} package), like every service of the platform; a browser asking for a page outside
 * {@code /api} gets the site's error page instead.
 */
@Component
public class ProblemResponses {

    /** Where the gateway's own problem types live. */
    public static final String TYPE_BASE = "https://toolverdicts.dev/problems/";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, problem(status, null, detail, request.getRequestURI()));
    }

    /** Writes the problem as it comes, with the type, title and status it names. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        boolean page = wantsPage(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT));
        response.setContentType(page ? MediaType.TEXT_HTML_VALUE + ";charset=UTF-8"
                : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = page ? ErrorPage.render(problem) : json.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The same answer for a gateway route: problem+json, or the error page for a browser's page request. */
    public ServerResponse answer(ServerRequest request, ProblemDetail problem, Duration retryAfter) {
        boolean page = wantsPage(request.path(), request.headers().firstHeader(HttpHeaders.ACCEPT));
        byte[] body = page ? ErrorPage.render(problem) : json.writeValueAsBytes(problem);
        ServerResponse.BodyBuilder builder = ServerResponse.status(problem.getStatus())
                .contentType(page ? new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_PROBLEM_JSON)
                .contentLength(body.length);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        }
        return builder.body(body);
    }

    /** A problem; {@code type} under {@link #TYPE_BASE}, or {@code about:blank} when null. */
    public static ProblemDetail problem(HttpStatus status, String type, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (type != null) {
            problem.setType(URI.create(TYPE_BASE + type));
        }
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                // a request path that is not a valid URI is not worth echoing back
            }
        }
        return problem;
    }

    /** A browser asking for a page (HTML, outside the API) gets a page; everyone else problem+json. */
    static boolean wantsPage(String path, String accept) {
        return ErrorAnswers.wantsPage(path, accept);
    }
}
