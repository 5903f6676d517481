package dev.toolverdicts.servicedefaults.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Replaces Tomcat's own HTML error report (which names the server and may show a stack trace) for what Tomcat
 * refuses before any filter or servlet sees the request: an address it cannot decode or normalize ({@code %00},
 * {@code %2F}, {@code %zz}), a method or header it cannot accept, headers that are too large. Answers problem+json,
 * or the site's error page for a browser's page request in an app with pages, with nothing about the server in it.
 * What Tomcat calls 501 or 505 (an unknown transfer coding or HTTP version) is the client's malformed request: a 400.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private volatile boolean pages;

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** Whether a browser's page request gets the site's error page instead of problem+json. */
    public void setPages(boolean pages) {
        this.pages = pages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus answer = ErrorAnswers.answerFor(status);
        response.setStatus(answer.value());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(answer, ErrorAnswers.detail(answer));
        boolean page = pages && ErrorAnswers.wantsPage(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT));
        byte[] body = page ? ErrorPage.render(problem) : ErrorAnswers.json(problem).getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentType(page ? MediaType.TEXT_HTML_VALUE + ";charset=UTF-8"
                    : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
