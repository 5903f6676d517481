package dev.toolverdicts.servicedefaults.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Writes the {@link CachePolicy} headers just before a JSON body is written, when status and content type are known.
 * A controller that chose its own {@code Cache-Control} (badges, feeds, editors' no-cache reads) keeps it; what it does
 * not cover keeps Spring Security's no-store, which writes only where no {@code Cache-Control} is set.
 */
@ControllerAdvice
public class CacheHeadersAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servletRequest)
                || !(response instanceof ServletServerHttpResponse servletResponse)) {
            return body;
        }
        HttpHeaders headers = response.getHeaders();
        HttpServletResponse raw = servletResponse.getServletResponse();
        if (headers.containsHeader(HttpHeaders.CACHE_CONTROL) || raw.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            return body;
        }
        HttpServletRequest http = servletRequest.getServletRequest();
        var exchange = new CachePolicy.Exchange(http.getMethod(), http.getRequestURI(), http.getQueryString(),
                http.getHeader(HttpHeaders.AUTHORIZATION) != null, raw.getStatus(), contentType);
        CachePolicy.cacheControl(exchange).ifPresent(cacheControl -> {
            headers.setCacheControl(cacheControl);
            java.util.List<String> vary = new java.util.ArrayList<>(headers.getOrEmpty(HttpHeaders.VARY));
            vary.addAll(raw.getHeaders(HttpHeaders.VARY));
            headers.set(HttpHeaders.VARY, CachePolicy.vary(vary));
        });
        return body;
    }
}
