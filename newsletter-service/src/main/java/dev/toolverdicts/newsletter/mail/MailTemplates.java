package dev.toolverdicts.newsletter.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the service's Thymeleaf templates: mail parts in HTML ({@code templates/mail/*.html}) and plain text
 * ({@code templates/mail/*.txt}), and the two small pages a browser sees after following a link from a mail.
 */
@Component
public class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    /** The HTML template {@code templates/<name>.html} with these variables. */
    public String html(String name, Map<String, Object> variables) {
        return engine.process(name + ".html", context(variables));
    }

    /** The plain-text template {@code templates/<name>.txt} with these variables. */
    public String text(String name, Map<String, Object> variables) {
        return engine.process(name + ".txt", context(variables));
    }

    private static Context context(Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(variables);
        return context;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
