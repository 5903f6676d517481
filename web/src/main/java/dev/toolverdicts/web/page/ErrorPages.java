package dev.toolverdicts.web.page;

import dev.toolverdicts.web.api.ServiceFailure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every failure as a page a reader understands, with the right status: 404 for what does not exist, 400 for input
 * the page cannot use, 401/403 for sign-in, 502/503 when a service behind web is down. For htmx requests the same
 * message comes back as a small fragment to show in place.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final int RETRY_AFTER_SECONDS = 15;

    private final PageModel pageModel;

    ErrorPages(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, 404, "Not found", e.getMessage());
    }

    @ExceptionHandler({BadInput.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ModelAndView badInput(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String message = e instanceof BadInput ? e.getMessage() : "a parameter of this address is missing or wrong";
        return page(request, response, 400, "That did not work", message);
    }

    @ExceptionHandler(SignInRequired.class)
    ModelAndView signIn(SignInRequired e, HttpServletRequest request, HttpServletResponse response) {
        boolean signedIn = PageModel.viewerOf(request).signedIn();
        return page(request, response, signedIn ? 403 : 401, signedIn ? "Not for your account" : "Please sign in",
                e.getMessage() + ".");
    }

    @ExceptionHandler(ServiceFailure.class)
    ModelAndView serviceFailure(ServiceFailure e, HttpServletRequest request, HttpServletResponse response) {
        int status = e.status();
        if (status == 404) {
            return page(request, response, 404, "Not found", e.detail());
        }
        if (status == 401 || status == 403) {
            return page(request, response, status, "Not allowed", e.detail());
        }
        if (status >= 400 && status < 500) {
            return page(request, response, status, "That did not work", e.detail());
        }
        LOG.warn("a service failed behind {}: {}", request.getRequestURI(), e.getMessage());
        return page(request, response, 502, "Something went wrong on our side",
                "A service behind this page failed. Please try again in a moment.");
    }

    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView unreachable(ResourceAccessException e, HttpServletRequest request, HttpServletResponse response) {
        LOG.warn("a service is unreachable behind {}: {}", request.getRequestURI(), e.getMessage());
        return page(request, response, 503, "Temporarily unavailable",
                "A service behind this page is not answering. Please try again in a moment.");
    }

    ModelAndView page(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String message) {
        response.setStatus(status);
        boolean fragment = "true".equals(request.getHeader("HX-Request"));
        ModelAndView view = new ModelAndView(fragment ? "error :: message" : "error");
        view.addObject("status", status);
        view.addObject("title", title);
        view.addObject("message", message);
        if (status == 502 || status == 503) {
            // a service behind the page is down: the page tries again by itself (no script needed)
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            view.addObject("retryAfterSeconds", RETRY_AFTER_SECONDS);
        }
        pageModel.addTo(view, request);
        return view;
    }
}
