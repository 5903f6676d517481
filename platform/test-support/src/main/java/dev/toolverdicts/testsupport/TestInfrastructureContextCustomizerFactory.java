package dev.toolverdicts.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link WithPostgres}, {@link WithKafka} and {@link WithJwtIssuer} on a test class into a {@link TestInfrastructureContextCustomizer}
 * (registered in {@code META-INF/spring.factories}), so the properties exist before the context starts.
 */
public class TestInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean postgres = TestContextAnnotationUtils.hasAnnotation(testClass, WithPostgres.class);
        boolean kafka = TestContextAnnotationUtils.hasAnnotation(testClass, WithKafka.class);
        boolean jwts = TestContextAnnotationUtils.hasAnnotation(testClass, WithJwtIssuer.class);
        if (!postgres && !kafka && !jwts) {
            return null;
        }
        if (kafka) {
            QuietKafkaLogs.apply();
        }
        return new TestInfrastructureContextCustomizer(testClass.getName(), postgres, kafka, jwts);
    }
}
