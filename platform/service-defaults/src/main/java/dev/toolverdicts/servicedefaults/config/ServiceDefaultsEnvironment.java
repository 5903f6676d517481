package dev.toolverdicts.servicedefaults.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * Adds the configuration every app of the platform shares ({@code service-defaults.yml}, and
 * {@code service-defaults-kafka.yml} for apps that speak the event contract over Kafka) as the environment's last
 * property sources: it runs after the app's own configuration data is loaded, so anything the app says (its YAML,
 * a profile, an environment variable, a test property) wins over a default.
 */
public class ServiceDefaultsEnvironment implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source (also the resource, with {@code .yml}). */
    public static final String SOURCE_NAME = "service-defaults";

    /** The Kafka serde and listener defaults: they name the event contract's classes, so only where those exist. */
    public static final String KAFKA_SOURCE_NAME = "service-defaults-kafka";

    private static final String[] KAFKA_CLASSES = {"dev.toolverdicts.events.kafka.EventSerializer",
        "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer"};

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(SOURCE_NAME)) {
            return;
        }
        ClassLoader classLoader = application.getClassLoader();
        if (Arrays.stream(KAFKA_CLASSES).allMatch(name -> ClassUtils.isPresent(name, classLoader))) {
            addLast(sources, KAFKA_SOURCE_NAME);
        }
        addLast(sources, SOURCE_NAME);
    }

    private static void addLast(MutablePropertySources sources, String name) {
        try {
            new YamlPropertySourceLoader().load(name, new ClassPathResource(name + ".yml")).forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ".yml", e);
        }
    }

    /** After everything else, so that the app's configuration data is in place before the defaults go behind it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
