package dev.toolverdicts.servicedefaults.cache;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Every servlet app's JSON reads get the {@link CachePolicy} headers ({@code platform.http.cache.enabled=false}: off). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice")
@ConditionalOnProperty(name = "platform.http.cache.enabled", matchIfMissing = true)
public class HttpCachingAutoConfiguration {

    @Bean
    CacheHeadersAdvice cacheHeadersAdvice() {
        return new CacheHeadersAdvice();
    }
}
