package dev.toolverdicts.web.page;

import dev.toolverdicts.web.api.ServiceUris;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * What every page's layout needs: the viewer (for the header's sign-in state and desk links), the CSRF token from
 * the gateway's {@code XSRF-TOKEN} cookie (forms echo it as {@code _csrf}), the site's public address and the path.
 */
@ControllerAdvice
public class PageModel implements HandlerMethodArgumentResolver {

    static final String XSRF_COOKIE = "XSRF-TOKEN";
    private static final String VIEWER = PageModel.class.getName() + ".viewer";

    private final ServiceUris services;

    PageModel(ServiceUris services) {
        this.services = services;
    }

    @ModelAttribute("viewer")
    Viewer viewer(HttpServletRequest request) {
        return viewerOf(request);
    }

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return "";
        }
        return Arrays.stream(cookies).filter(c -> XSRF_COOKIE.equals(c.getName())).map(Cookie::getValue)
                .findFirst().orElse("");
    }

    @ModelAttribute("siteUrl")
    String siteUrl() {
        String site = services.site().uri().toString();
        return site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** The same attributes for views made outside a controller method (exception handlers get none by default). */
    void addTo(org.springframework.web.servlet.ModelAndView view, HttpServletRequest request) {
        view.addObject("viewer", viewer(request));
        view.addObject("csrf", csrf(request));
        view.addObject("siteUrl", siteUrl());
        view.addObject("currentPath", currentPath(request));
    }

    static Viewer viewerOf(HttpServletRequest request) {
        Object known = request.getAttribute(VIEWER);
        if (known instanceof Viewer viewer) {
            return viewer;
        }
        Viewer viewer = Viewer.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
        request.setAttribute(VIEWER, viewer);
        return viewer;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return viewerOf(request.getNativeRequest(HttpServletRequest.class));
    }
}
