package dev.toolverdicts.identity.registration;

import dev.toolverdicts.problem.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-registration as JSON for non-browser clients: 202 with the same body for new and known addresses, RFC 9457
 * problem+json naming the field for bad input, 429 problem+json with {@code Retry-After} past the limits.
 */
@RestController
class RegistrationApiController {

    /** The one answer to every accepted registration. */
    record Accepted(String status, String message) {
        static final Accepted CHECK_INBOX = new Accepted("check-inbox",
                "If the address can be registered, a mail with a confirmation link is on its way.");
    }

    private final RegistrationService registrations;

    RegistrationApiController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/api/identity/registrations")
    ResponseEntity<Accepted> register(@Valid @RequestBody RegistrationForm form, HttpServletRequest request) {
        try {
            registrations.register(form, request.getRemoteAddr());
        } catch (RegistrationRejected rejected) {
            throw new FieldProblem(HttpStatus.BAD_REQUEST, rejected.field(), rejected.getMessage());
        } catch (RegistrationThrottled throttled) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    throttled.getMessage());
            ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem,
                    throttled);
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            throw tooMany;
        } catch (MailException mailDown) {
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "The confirmation mail could not be sent; try again later."),
                    mailDown);
        }
        return ResponseEntity.accepted().body(Accepted.CHECK_INBOX);
    }
}
