package dev.toolverdicts.gateway.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The servlet error page of the gateway, in the place of Spring Boot's: every error that reaches it (a route that
 * does not exist, a method or media type refused, an exception from a filter) is answered as problem+json, or as the
 * site's error page for a browser's page request. Input the gateway could not read is a 400, not a 500; no message or
 * stack trace of an exception is shown.
 */
@Controller
class GatewayErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayErrorController.class);

    private final ProblemResponses problems;

    GatewayErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = statusOf(request, failure);
        if (status.is5xxServerError() && failure != null) {
            LOG.error("failed {} {}", request.getMethod(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = ProblemResponses.problem(status, null, ContainerErrors.detail(status),
                uri == null ? null : uri.toString());
        response.resetBuffer();
        problems.write(new ErrorDispatch(request, uri), response, problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request, Throwable failure) {
        if (failure != null) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ResponseStatusException statusException) {
                    return orBadRequest(HttpStatus.resolve(statusException.getStatusCode().value()));
                }
                if (badInput(t)) {
                    return HttpStatus.BAD_REQUEST;
                }
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            return ContainerErrors.answerFor(value);
        }
        return HttpStatus.NOT_FOUND;
    }

    /** Exceptions that mean the request itself could not be read, whatever layer noticed. */
    private static boolean badInput(Throwable t) {
        return t instanceof InvalidMediaTypeException
                || t instanceof org.apache.coyote.BadRequestException
                || t instanceof org.springframework.util.InvalidMimeTypeException
                || t instanceof org.springframework.http.converter.HttpMessageNotReadableException
                || t instanceof java.nio.charset.UnsupportedCharsetException
                || t instanceof java.nio.charset.IllegalCharsetNameException
                || t instanceof java.io.UnsupportedEncodingException;
    }

    private static HttpStatus orBadRequest(HttpStatus status) {
        return status == null ? HttpStatus.BAD_REQUEST : status;
    }

    /** The original request's path, so page-or-problem is decided for what the client asked, not for /error. */
    private static final class ErrorDispatch extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final Object uri;

        private ErrorDispatch(HttpServletRequest request, Object uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri == null ? super.getRequestURI() : uri.toString();
        }
    }
}
