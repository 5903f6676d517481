package dev.toolverdicts.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What the gateway says for a status it answers without a route: one plain sentence per kind of refusal (never the
 * container's own message, which may echo the request or name the server), and problem+json written without a
 * Spring bean, for the Tomcat valve that runs outside the application context.
 */
final class ContainerErrors {

    private ContainerErrors() {
    }

    /** The status the gateway answers for one the container chose: its 5xx for malformed requests become 400. */
    static HttpStatus answerFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || known == HttpStatus.NOT_IMPLEMENTED || known == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) {
            return HttpStatus.BAD_REQUEST;
        }
        return known;
    }

    static String detail(HttpStatus status) {
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
            case NOT_IMPLEMENTED -> "The gateway does not do that.";
            case SERVICE_UNAVAILABLE -> "The site is unavailable right now; try again shortly.";
            default -> status.is5xxServerError() ? "Something went wrong on our side; try again shortly."
                    : "The request cannot be answered.";
        };
    }

    static String json(ProblemDetail problem) {
        String type = problem.getType() == null ? "about:blank" : problem.getType().toString();
        return "{\"type\":\"" + escape(type) + "\",\"title\":\"" + escape(problem.getTitle())
                + "\",\"status\":" + problem.getStatus() + ",\"detail\":\"" + escape(problem.getDetail()) + "\"}";
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
