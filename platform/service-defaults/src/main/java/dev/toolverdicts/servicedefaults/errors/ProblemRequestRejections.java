package dev.toolverdicts.servicedefaults.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What Spring Security's firewall rejects (encoded slashes, dots, percents or NULs, odd methods, bad header values)
 * is a 400 problem written on the spot, not a bare {@code sendError} that relies on the error dispatch passing the
 * app's own security chain.
 */
final class ProblemRequestRejections implements RequestRejectedHandler {

    private final boolean pages;

    ProblemRequestRejections(boolean pages) {
        this.pages = pages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemDetail problem = ErrorAnswers.problem(HttpStatus.BAD_REQUEST, null);
        problem.setDetail("The request cannot be read: its address, method or headers are not accepted.");
        ErrorAnswers.write(request, response, problem, pages);
    }
}
