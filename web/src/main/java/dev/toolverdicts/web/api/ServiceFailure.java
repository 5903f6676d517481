package dev.toolverdicts.web.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service answered with an error: its status and the problem+json detail and field errors it gave, so pages can
 * tell the reader what was wrong ("take: must not be blank") instead of a bare status.
 */
public class ServiceFailure extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public ServiceFailure(int status, String detail, List<FieldError> errors) {
        super(status + " " + detail);
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    static void raise(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String body = StreamUtils.copyToString(response.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        String detail = "the service answered " + status;
        List<FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asString();
            }
            for (JsonNode error : problem.path("errors")) {
                errors.add(new FieldError(error.path("field").asString(""), error.path("message").asString(
                        error.path("detail").asString(""))));
            }
        } catch (RuntimeException notJson) {
            // a non-problem body: the status alone says what went wrong
        }
        throw new ServiceFailure(status, detail, errors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean is(int code) {
        return status == code;
    }

    /** One named field a service rejected, and why. */
    public record FieldError(String field, String message) {
    }
}
