package dev.toolverdicts.comparison.cache;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link SerializedViewConverter} ahead of the Jackson converter (which would otherwise write the wrapper as an
 * object), and tells springdoc to document a {@code SerializedView<T>} answer as {@code T}: the API document stays
 * as it was.
 */
@Configuration(proxyBeanMethods = false)
class SerializedViewWeb implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(SerializedView.class);
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new SerializedViewConverter());
    }
}
