package dev.toolverdicts.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The shipped configuration limits what other sites embed and feed readers poll (badges, cards, feeds, the API
 * documents) per client address, reads only; RateLimitTest shows how a limit answers once it is used up.
 */
class OpenPlatformLimitTest {

    @Test
    void badgesCardsFeedsAndApiDocsAreLimitedPerAddress() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"));
        RateLimitProperties limits = new Binder(ConfigurationPropertySources.from(yaml.getFirst()))
                .bind("gateway.rate-limits", RateLimitProperties.class).get();

        RateLimitProperties.Rule rule = limits.rules().stream().filter(r -> r.name().equals("open-platform"))
                .findFirst().orElseThrow();
        assertThat(rule.methods()).containsExactlyInAnyOrder("GET", "HEAD");
        assertThat(rule.perIp().capacity()).isEqualTo(600);
        assertThat(rule.perIp().period()).isEqualTo(Duration.ofMinutes(1));
        for (String path : List.of("/badges/tools/smolvlm-3b.svg", "/badges/matchups/a-vs-b.svg",
                "/cards/tools/smolvlm-3b.png", "/cards/matchups/a-vs-b.png", "/feeds/verdicts.atom",
                "/feeds/tools/smolvlm-3b/verdicts.atom", "/feeds/newsletter.atom", "/api/docs", "/api/docs/openapi",
                "/api/docs/events")) {
            assertThat(rule.paths()).as(path).anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern)
                    .matches(PathContainer.parsePath(path)));
        }
    }
}
