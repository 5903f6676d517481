package dev.toolverdicts.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A rejected request that names the field at fault, e.g. a slug that is taken (409) or a tool that is not
 * published (422). Thrown from a service's write path; rendered as problem+json with an {@code errors} member.
 */
public class FieldProblem extends ErrorResponseException {

    public FieldProblem(HttpStatus status, String field, String message) {
        super(status, problem(status, field, message), null);
    }

    private static ProblemDetail problem(HttpStatus status, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + ": " + message);
        problem.setProperty(Problems.ERRORS, List.of(new FieldError(field, message)));
        return problem;
    }
}
