package dev.toolverdicts.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Adds the database and broker properties of one test class to its context, ahead of the application's own
 * configuration (only a test's inlined or dynamic properties override them).
 * Equality includes the test class, so each annotated test class gets a context (and a database, a consumer group)
 * of its own in Spring's context cache.
 */
record TestInfrastructureContextCustomizer(String testClassName, boolean postgres, boolean kafka, boolean jwts)
        implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "toolVerdictsTestInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String simpleName = testClassName.substring(testClassName.lastIndexOf('.') + 1);
        if (postgres) {
            TestDatabase database = TestPostgres.newDatabase(simpleName);
            properties.put("spring.datasource.url", database.url());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
        }
        if (kafka) {
            properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
            properties.put("spring.kafka.consumer.group-id", TestPostgres.uniqueName(simpleName) + "-group");
        }
        if (jwts) {
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwts.jwkSetUri());
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestJwts.ISSUER);
        }
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, source);
        } else {
            sources.addFirst(source);
        }
    }
}
