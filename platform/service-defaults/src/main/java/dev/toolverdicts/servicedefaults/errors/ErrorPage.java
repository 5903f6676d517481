package dev.toolverdicts.servicedefaults.errors;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;

/**
 * The site's error page as an app renders it when it answers a browser itself (the web front end may be the
 * very thing that is down): self-contained, no script, and a 503 page that reloads itself until the site is back.
 */
public final class ErrorPage {

    private static final int RELOAD_SECONDS = 10;

    private ErrorPage() {
    }

    public static byte[] render(ProblemDetail problem) {
        boolean unavailable = problem.getStatus() == 503;
        String title = HtmlUtils.htmlEscape(unavailable ? "Temporarily unavailable"
                : problem.getTitle() == null ? "Something went wrong" : problem.getTitle());
        String detail = HtmlUtils.htmlEscape(problem.getDetail() == null ? "This page could not be shown."
                : problem.getDetail());
        String reload = unavailable
                ? "<meta http-equiv=\"refresh\" content=\"" + RELOAD_SECONDS + "\">\n"
                : "";
        String retrying = unavailable
                ? "<p>This page tries again by itself every " + RELOAD_SECONDS + " seconds.</p>\n"
                : "";
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + reload
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + " · Tool Verdicts</title>\n"
                + "<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n"
                + "<header class=\"site-header\"><a class=\"brand\" href=\"/\">Tool Verdicts</a></header>\n"
                + "<main id=\"main\" class=\"error-page\">\n<h1>" + title + "</h1>\n"
                + "<div class=\"problem\" role=\"alert\"><p>" + detail + "</p></div>\n" + retrying
                + "<p>Error " + problem.getStatus() + ". <a href=\"/\">Back to the front page</a>.</p>\n"
                + "</main>\n</body>\n</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
