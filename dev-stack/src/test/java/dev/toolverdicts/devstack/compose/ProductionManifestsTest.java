package dev.toolverdicts.devstack.compose;

import static dev.toolverdicts.devstack.compose.RenderedManifests.at;
import static dev.toolverdicts.devstack.compose.RenderedManifests.map;
import static dev.toolverdicts.devstack.compose.RenderedManifests.maps;
import static dev.toolverdicts.devstack.compose.RenderedManifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rendered production overlay is secure by default apart from the network and Kafka (issue 16, findings 1
 * and 7): it renders the NetworkPolicies and KafkaUsers, carries no Secret and no placeholder that would start,
 * keeps dev-only switches off, and puts actuator on a management port that only probes and Prometheus use.
 */
class ProductionManifestsTest {

    private static final int MANAGEMENT_PORT = 9090;

    private static RenderedManifests manifests;

    @BeforeAll
    static void render() throws Exception {
        manifests = RenderedManifests.production();
    }

    @Test
    void rendersTheNetworkPoliciesAndAKafkaUserPerKafkaClient() {
        assertThat(manifests.ofKind("NetworkPolicy").stream().map(RenderedManifests::name))
                .contains("default-deny", "dns", "from-ingress-controller", "from-prometheus", "to-postgresql",
                        "to-smtp", "kafka-clients", "kafka-cluster");
        assertThat(manifests.ofKind("KafkaUser").stream().map(RenderedManifests::name)).containsExactlyInAnyOrder(
                "catalog-service", "review-service", "vote-service", "comparison-service", "newsletter-service");
        assertThat(manifests.ofKind("ConfigMap").stream().map(RenderedManifests::name))
                .as("the overlay's network parameters are local, never applied").doesNotContain("network-parameters");
    }

    @Test
    void noSecretIsGeneratedAndEveryReferencedOneIsDocumentedOrMadeByStrimzi() throws Exception {
        assertThat(manifests.ofKind("Secret")).isEmpty();
        String everything = manifests.all().toString();
        assertThat(everything).doesNotContain("CHANGE-ME").doesNotContainIgnoringCase("dev-secret");
        String readme = Files.readString(RenderedManifests.ROOT.resolve("deploy/README.md"));
        List<String> strimzi = new ArrayList<>(List.of("toolverdicts-cluster-ca-cert"));
        manifests.ofKind("KafkaUser").forEach(user -> strimzi.add(name(user)));
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                List<String> secrets = new ArrayList<>();
                maps(container.get("envFrom")).stream().map(s -> (String) map(s.get("secretRef")).get("name"))
                        .filter(n -> n != null).forEach(secrets::add);
                maps(container.get("env")).stream()
                        .map(e -> (String) map(at(e, "valueFrom", "secretKeyRef")).get("name"))
                        .filter(n -> n != null).forEach(secrets::add);
                for (String secret : secrets) {
                    if (!strimzi.contains(secret)) {
                        String documented = secret.endsWith("-db") ? "<service>-db" : "`" + secret + "`";
                        assertThat(readme).as(name(deployment) + " needs Secret " + secret + ": deploy/README.md "
                                + "says how to supply it").contains(documented);
                    }
                }
            }
        }
    }

    @Test
    void devOnlySwitchesStayOff() {
        for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
            map(configMap.get("data")).forEach((key, value) -> {
                assertThat(key).as(name(configMap)).doesNotStartWith("SPRING_PROFILES_");
                if (key.equals("IDENTITY_DEMOUSERS_ENABLED")) {
                    assertThat(value).as("demo users").isEqualTo("false");
                }
            });
        }
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            containers(deployment).forEach(container -> maps(container.get("env")).forEach(env -> assertThat(
                    (String) env.get("name")).as(name(deployment)).doesNotStartWith("SPRING_PROFILES_")));
        }
    }

    @Test
    void actuatorListensOnTheManagementPortOnlyAndNothingPublicRoutesToIt() {
        assertThat(manifests.configMap("platform-config"))
                .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(MANAGEMENT_PORT));
        for (ServiceSpec spec : ServiceCatalog.all()) {
            Map<String, Object> deployment = manifests.get("Deployment", spec.name());
            Map<String, Object> container = containers(deployment).getFirst();
            assertThat(maps(container.get("envFrom")).stream().map(s -> (String) map(s.get("configMapRef")).get("name"))
                    .filter(n -> n != null && n.startsWith("platform-config"))).as(spec.name()).hasSize(1);
            assertThat(maps(container.get("ports"))).as(spec.name()).contains(
                    Map.of("name", "http", "containerPort", spec.defaultPort()),
                    Map.of("name", "management", "containerPort", MANAGEMENT_PORT));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(at(map(container.get(probe)), "httpGet", "port")).as(spec.name() + " " + probe)
                        .isEqualTo("management");
                assertThat((String) at(map(container.get(probe)), "httpGet", "path")).startsWith("/actuator/health/");
            }
            assertThat(at(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
                    .isEqualTo(String.valueOf(MANAGEMENT_PORT));
            for (Map<String, Object> port : maps(at(manifests.get("Service", spec.name()), "spec", "ports"))) {
                assertThat(port.get("targetPort")).as(spec.name() + " Service").isEqualTo("http");
                assertThat(port.get("port")).as(spec.name() + " Service").isNotEqualTo(MANAGEMENT_PORT);
            }
        }
        Map<String, Object> podMonitor = manifests.get("PodMonitor", "toolverdicts");
        assertThat(maps(at(podMonitor, "spec", "podMetricsEndpoints"))).allSatisfy(endpoint -> assertThat(
                endpoint.get("port")).isEqualTo("management"));
        for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                    assertThat(at(path, "backend", "service", "port", "name")).isEqualTo("http");
                    assertThat((String) path.get("path")).doesNotStartWith("/actuator");
                }
            }
        }
    }

    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return maps(at(deployment, "spec", "template", "spec", "containers"));
    }
}
