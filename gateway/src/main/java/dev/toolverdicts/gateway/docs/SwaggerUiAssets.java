package dev.toolverdicts.gateway.docs;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the swagger-ui webjar's scripts and styles under {@code /api/docs/ui/}, inside the gateway's own API space. */
@Configuration(proxyBeanMethods = false)
class SwaggerUiAssets implements WebMvcConfigurer {

    static final String WEBJAR = "classpath:/META-INF/resources/webjars/swagger-ui/5.32.2/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ApiDocsController.UI_ASSETS + "**").addResourceLocations(WEBJAR);
    }
}
