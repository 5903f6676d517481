package dev.toolverdicts.catalog.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers any request at a former slug with 308 Permanent Redirect to the same path at the current slug, so old
 * links keep working and a write sent to an old URL is repeated, method and body unchanged, at the new one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SlugRedirects {

    @ExceptionHandler(SlugMoved.class)
    ResponseEntity<Void> redirect(SlugMoved moved, HttpServletRequest request) {
        String path = request.getRequestURI();
        String from = "/" + moved.requestedSlug();
        int at = path.indexOf(from + "/");
        if (at < 0) {
            at = path.lastIndexOf(from);
        }
        String target = path.substring(0, at) + "/" + moved.currentSlug() + path.substring(at + from.length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT).header(HttpHeaders.LOCATION,
                URI.create(target).toString()).build();
    }
}
