package dev.toolverdicts.gateway.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * {@code %2F}, {@code %zz}), a method or header it cannot accept. Answers problem+json, or the site's error page for
 * a browser's page request, with nothing about the server in it. What Tomcat calls 501 or 505 (a CONNECT, an unknown
 * transfer coding or HTTP version) is the client's malformed request here: a 400.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean ioAllowed = new java.util.concurrent.atomic.AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus answer = ContainerErrors.answerFor(status);
        response.setStatus(answer.value());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(answer, ContainerErrors.detail(answer));
        boolean page = ProblemResponses.wantsPage(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT));
        byte[] body = page ? ErrorPage.render(problem) : ContainerErrors.json(problem).getBytes(StandardCharsets.UTF_8);
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
