package dev.toolverdicts.servicedefaults.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet error page of every app, in the place of Spring Boot's (whose JSON is not problem+json and whose
 * whitelabel page names the framework): every error that reaches it (a route that does not exist, a method or media
 * type refused, a {@code sendError} of a filter, an exception) is answered as problem+json, or, in an app with pages,
 * as the site's error page for a browser's page request (the app's own {@code error} template when it has one).
 * Input the app could not read is a 400, not a 500; no message or stack trace of an exception is shown.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    private final boolean pages;
    private final boolean errorTemplate;

    ProblemErrorController(boolean pages, boolean errorTemplate) {
        this.pages = pages;
        this.errorTemplate = errorTemplate;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return null;
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = statusOf(request, failure);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status.is5xxServerError() && failure != null) {
            LOG.error("failed {} {}", request.getMethod(), uri, failure);
        }
        String path = uri == null ? request.getRequestURI() : uri.toString();
        ProblemDetail problem = ErrorAnswers.problem(status, path);
        response.resetBuffer();
        boolean page = pages && ErrorAnswers.wantsPage(path, request.getHeader(HttpHeaders.ACCEPT));
        if (page && errorTemplate) {
            return new ModelAndView("error", Map.of("status", status.value(), "title", status.getReasonPhrase(),
                    "message", problem.getDetail()), status);
        }
        ErrorAnswers.write(new ErrorDispatch(request, path), response, problem, pages);
        return null;
    }

    private static HttpStatus statusOf(HttpServletRequest request, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResponseStatusException statusException) {
                HttpStatus status = HttpStatus.resolve(statusException.getStatusCode().value());
                return status == null ? HttpStatus.BAD_REQUEST : status;
            }
            if (t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (badInput(t)) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            return ErrorAnswers.answerFor(value);
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
                || t instanceof java.io.UnsupportedEncodingException
                // a multipart body without its boundary, or one that cannot be parsed
                || t instanceof org.springframework.web.multipart.MultipartException;
    }

    /** The original request's path, so page-or-problem is decided for what the client asked, not for /error. */
    private static final class ErrorDispatch extends HttpServletRequestWrapper {
        private final String uri;

        private ErrorDispatch(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }
    }
}
