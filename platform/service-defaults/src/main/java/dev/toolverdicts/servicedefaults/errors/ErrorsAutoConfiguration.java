package dev.toolverdicts.servicedefaults.errors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;

/**
 * Every error a servlet app of the platform answers on its own is problem+json, whichever layer refuses: Tomcat
 * (valve), the error page (controller), Spring Security's firewall, headers Spring cannot model, and handlers that
 * answer an error status with no body. Apps with HTML pages ({@code platform.errors.pages=true}: gateway, web,
 * identity) answer a browser's page request with the site's error page instead.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ErrorController.class)
public class ErrorsAutoConfiguration {

    /** Outermost but Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}): it sees the final status. */
    static final int EMPTY_BODIES_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    /** Before the body limit ({@code + 10}), sessions and security: nothing reads a header it cannot model. */
    static final int HEADER_CHECK_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(@Value("${platform.errors.pages:false}") boolean pages) {
        return new ProblemErrorController(pages, new ClassPathResource("templates/error.html").exists());
    }

    @Bean
    FilterRegistrationBean<EmptyErrorBodies> emptyErrorBodies() {
        FilterRegistrationBean<EmptyErrorBodies> registration = new FilterRegistrationBean<>(new EmptyErrorBodies());
        registration.setOrder(EMPTY_BODIES_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestHeaderCheck> requestHeaderCheck(@Value("${platform.errors.pages:false}") boolean pages) {
        FilterRegistrationBean<RequestHeaderCheck> registration =
                new FilterRegistrationBean<>(new RequestHeaderCheck(pages));
        registration.setOrder(HEADER_CHECK_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
        "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    static class TomcatErrors {

        @Bean
        TomcatProblemReports tomcatProblemReports(@Value("${platform.errors.pages:false}") boolean pages) {
            return new TomcatProblemReports(pages);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.firewall.RequestRejectedHandler")
    static class SecurityRejections {

        @Bean
        @ConditionalOnMissingBean(type = "org.springframework.security.web.firewall.RequestRejectedHandler")
        ProblemRequestRejections problemRequestRejections(@Value("${platform.errors.pages:false}") boolean pages) {
            return new ProblemRequestRejections(pages);
        }
    }
}
