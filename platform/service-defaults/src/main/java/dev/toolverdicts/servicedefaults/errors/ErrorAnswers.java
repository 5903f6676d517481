package dev.toolverdicts.servicedefaults.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * What an app of the platform says for a status it answers on its own, outside its controllers (a malformed request,
 * a route that does not exist, a refusal of the container or of Spring Security): one plain sentence per kind of
 * refusal (never the container's own message, which may echo the request or name the server), written as
 * problem+json without any Spring bean, so the Tomcat valve outside the application context can use it too.
 */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    /** The status answered for one the container chose: its 501 and 505 for malformed requests become 400. */
    public static HttpStatus answerFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || known == HttpStatus.NOT_IMPLEMENTED || known == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) {
            return HttpStatus.BAD_REQUEST;
        }
        return known;
    }

    public static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request cannot be read: its address, method, headers or body are malformed.";
            case NOT_FOUND -> "Nothing is here.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case NOT_ACCEPTABLE -> "This address cannot answer in a media type the request accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of that media type.";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
            case URI_TOO_LONG -> "The request address is too long.";
            case UNAUTHORIZED -> "A valid sign-in or bearer token is needed for this request.";
            case FORBIDDEN -> "This request is not allowed.";
            case CONFLICT -> "The request conflicts with the current state of the resource.";
            case PRECONDITION_FAILED -> "A precondition of the request does not hold.";
            case PRECONDITION_REQUIRED -> "This request needs a precondition (If-Match).";
            case TOO_MANY_REQUESTS -> "Too many requests; try again shortly.";
            case SERVICE_UNAVAILABLE -> "The site is unavailable right now; try again shortly.";
            default -> status.is5xxServerError() ? "Something went wrong on our side; try again shortly."
                    : "The request cannot be answered.";
        };
    }

    /** A problem with the plain sentence for its status; {@code instance} is left out when it is not a valid URI. */
    public static ProblemDetail problem(HttpStatus status, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                // a request path that is not a valid URI is not worth echoing back
            }
        }
        return problem;
    }

    /**
     * A browser asking for a page (HTML, outside the API and actuator) gets a page, when the app has pages; everyone
     * else problem+json.
     */
    public static boolean wantsPage(String path, String accept) {
        if (path != null && (under(path, "/api") || under(path, "/actuator"))) {
            return false;
        }
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && type.includes(MediaType.TEXT_HTML)
                            && !type.isWildcardType());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * Writes the problem as problem+json, or as the site's error page for a browser's page request when
     * {@code pages} is on; nothing about the server, no exception. The caller has reset what was written before.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            boolean pages) throws IOException {
        boolean page = pages && wantsPage(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT));
        byte[] body = page ? ErrorPage.render(problem) : json(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        response.setContentType(page ? MediaType.TEXT_HTML_VALUE + ";charset=UTF-8"
                : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static String json(ProblemDetail problem) {
        String type = problem.getType() == null ? "about:blank" : problem.getType().toString();
        String instance = problem.getInstance() == null ? ""
                : ",\"instance\":\"" + escape(problem.getInstance().toString()) + "\"";
        return "{\"type\":\"" + escape(type) + "\",\"title\":\"" + escape(problem.getTitle())
                + "\",\"status\":" + problem.getStatus() + ",\"detail\":\"" + escape(problem.getDetail()) + "\""
                + instance + "}";
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
