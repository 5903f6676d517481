package dev.toolverdicts.devstack.compose;

import static dev.toolverdicts.devstack.compose.RenderedManifests.at;
import static dev.toolverdicts.devstack.compose.RenderedManifests.list;
import static dev.toolverdicts.devstack.compose.RenderedManifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is a demo on one machine (issue 16, finding 8): only the browser-facing gateway and identity
 * service listen on every interface; Mailpit, Grafana, Prometheus, PostgreSQL, Kafka and the services are bound to
 * 127.0.0.1, and Grafana has no admin/admin.
 */
class ComposeExposureTest {

    private static final List<String> PUBLIC = List.of("8080:8080", "9000:9000");

    @Test
    void onlyTheGatewayAndIdentityArePublishedOnEveryInterface() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        List<String> published = new ArrayList<>();
        services.forEach((name, service) -> {
            for (Object port : list(map(service).get("ports"))) {
                String binding = port instanceof Map<?, ?> longSyntax
                        ? longSyntax.get("host_ip") + ":" + longSyntax.get("published") + ":" + longSyntax.get("target")
                        : String.valueOf(port);
                published.add(name + " " + binding);
                if (!binding.startsWith("127.0.0.1:")) {
                    assertThat(binding).as(name + " is published on every interface").isIn(PUBLIC);
                    assertThat(name).isIn("gateway", "identity-service");
                }
            }
        });
        assertThat(published).contains("gateway 8080:8080", "identity-service 9000:9000", "mailpit 127.0.0.1:8025:8025",
                "grafana 127.0.0.1:3000:3000", "prometheus 127.0.0.1:9090:9090", "postgres 127.0.0.1:5442:5432",
                "kafka 127.0.0.1:9092:9092");
    }

    @Test
    void grafanaHasNoDefaultAdminPassword() throws IOException {
        Map<String, Object> grafana = map(at(compose(), "services", "grafana"));
        Object password = map(grafana.get("environment")).get("GF_SECURITY_ADMIN_PASSWORD");
        assertThat(password).as("GF_SECURITY_ADMIN_PASSWORD comes from the environment or is generated")
                .isEqualTo("${GRAFANA_ADMIN_PASSWORD:-}");
        assertThat(String.join(" ", list(grafana.get("entrypoint")).stream().map(String::valueOf).toList()))
                .contains("/dev/urandom").contains("exec /run.sh");
    }

    @Test
    void theDemoIdentityAndGatewayRunTheDevProfileAndSaySo() throws IOException {
        String file = Files.readString(RenderedManifests.ROOT.resolve("docker-compose.yml"));
        assertThat(file).contains("DEMO").contains("Not a production setup");
        assertThat(map(at(compose(), "services", "identity-service", "environment")))
                .containsEntry("SPRING_PROFILES_ACTIVE", "dev");
        assertThat(map(at(compose(), "services", "gateway", "environment")))
                .as("over http://localhost with the dev client secret").containsEntry("SPRING_PROFILES_ACTIVE", "dev");
        assertThat(map(at(compose(), "services", "newsletter-service", "environment")))
                .as("with the published dev link secret").containsEntry("SPRING_PROFILES_ACTIVE", "dev");
    }

    private static Map<String, Object> compose() throws IOException {
        return RenderedManifests.loadAll(RenderedManifests.ROOT.resolve("docker-compose.yml")).getFirst();
    }
}
