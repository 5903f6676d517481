package dev.toolverdicts.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docker-compose.yml and the Kubernetes manifests in step with the dev stack's service catalog (the one place
 * that says which services exist, their ports, databases and mail), without Docker or a cluster: every service has
 * an image built from its module, the wiring ServiceProcess gives it, health checks, and a Deployment with probes.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("devstack.repoRoot", "..")).toAbsolutePath().normalize();

    @Test
    void composeRunsEveryServiceWiredLikeTheDevStack() throws IOException {
        Map<String, Object> services = map(load(ROOT.resolve("docker-compose.yml")).getFirst().get("services"));
        for (ServiceSpec spec : ServiceCatalog.all()) {
            Map<String, Object> service = map(services.get(spec.name()));
            assertThat(service).as(spec.name()).isNotNull();
            Map<String, Object> args = map(map(service.get("build")).get("args"));
            assertThat(args).as(spec.name() + " build args")
                    .containsEntry("MODULE", spec.name()).containsEntry("PORT", String.valueOf(spec.defaultPort()));
            Map<String, Object> env = map(service.get("environment"));
            assertThat(env).as(spec.name()).containsKeys("SPRING_KAFKA_BOOTSTRAPSERVERS", "SERVICES_IDENTITY_URI",
                    "SERVICES_IDENTITY_ISSUER");
            spec.database().ifPresent(db -> assertThat(env.get("SPRING_DATASOURCE_URL")).as(spec.name())
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + db));
            if (spec.sendsMail()) {
                assertThat(env).as(spec.name()).containsEntry("SPRING_MAIL_HOST", "mailpit");
            }
            assertThat(service.get("stop_grace_period")).as(spec.name()).isNotNull();
        }
        Map<String, Object> gatewayEnv = map(map(services.get(ServiceCatalog.GATEWAY)).get("environment"));
        Map<String, Object> gatewayDependsOn = map(map(services.get(ServiceCatalog.GATEWAY)).get("depends_on"));
        for (ServiceSpec routed : ServiceCatalog.all()) {
            if (!routed.isGateway()) {
                assertThat(gatewayDependsOn).as("gateway waits for " + routed.name()).containsKey(routed.name());
                if (!routed.name().equals(ServiceCatalog.IDENTITY)) {
                    assertThat(gatewayEnv).containsEntry("SERVICES_" + routed.route().toUpperCase() + "_URI",
                            "http://" + routed.name() + ":" + routed.defaultPort());
                }
            }
        }
        for (String infra : List.of("postgres", "kafka", "mailpit", "prometheus", "grafana")) {
            assertThat(map(services.get(infra))).as(infra).containsKey("healthcheck");
        }
        assertThat(map(services.get("demo-loader"))).containsKey("depends_on");
    }

    /**
     * What ComposeStackIT proves at run time, kept from drifting in the files: every service container runs non-root
     * (numeric, for runAsNonRoot) on a read-only root file system with /tmp in memory, and its health check is an
     * exec-form java command (no shell, no curl) whose items have no space (podman 4.3 splits such an item).
     */
    @Test
    void serviceContainersRunNonRootReadOnlyWithAShellFreeHealthCheck() throws IOException {
        Map<String, Object> services = map(load(ROOT.resolve("docker-compose.yml")).getFirst().get("services"));
        for (ServiceSpec spec : ServiceCatalog.all()) {
            Map<String, Object> service = map(services.get(spec.name()));
            assertThat(service.get("read_only")).as(spec.name() + " read_only").isEqualTo(true);
            assertThat(list(service.get("tmpfs"))).as(spec.name() + " tmpfs").contains("/tmp");
        }
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        String serviceStage = dockerfile.substring(dockerfile.indexOf(" AS service"));
        assertThat(serviceStage).contains("\nUSER 10001:10001\n");
        String healthcheck = serviceStage.substring(serviceStage.indexOf("HEALTHCHECK"));
        healthcheck = healthcheck.substring(healthcheck.indexOf("CMD "), healthcheck.indexOf(']') + 1);
        assertThat(healthcheck).startsWith("CMD [\"java\",");
        assertThat(Arrays.stream(healthcheck.substring(5, healthcheck.length() - 1).split(",")).map(String::strip))
                .as("exec form, no item with a space: " + healthcheck).allMatch(item -> item.matches("\"[^ \"]+\""));
        Map<String, Object> ci = map(load(ROOT.resolve("docker/ci/docker-compose.ci.yml")).getFirst().get("services"));
        for (ServiceSpec spec : ServiceCatalog.all()) {
            List<Object> test = list(map(map(ci.get(spec.name())).get("healthcheck")).get("test"));
            assertThat(test).as(spec.name() + " CI health check").startsWith("CMD", "java")
                    .allSatisfy(item -> assertThat(String.valueOf(item)).doesNotContain(" "));
        }
    }

    @Test
    void postgresInitCreatesEveryServiceDatabase() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/postgres/init/01-databases.sql"));
        for (String db : ServiceCatalog.databases()) {
            assertThat(init).contains("CREATE DATABASE " + db + " ");
        }
    }

    @Test
    void kubernetesHasADeploymentWithProbesForEveryService() throws IOException {
        String kustomization = Files.readString(ROOT.resolve("deploy/k8s/base/kustomization.yaml"));
        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        for (ServiceSpec spec : ServiceCatalog.all()) {
            Path file = ROOT.resolve("deploy/k8s/base/services/" + spec.name() + ".yaml");
            assertThat(kustomization).contains("services/" + spec.name() + ".yaml");
            List<Map<String, Object>> docs = load(file);
            Map<String, Object> deployment = docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).findFirst()
                    .orElseThrow();
            Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template"))
                    .get("spec")).get("containers")).getFirst());
            assertThat(container).as(spec.name()).containsKeys("readinessProbe", "livenessProbe", "startupProbe",
                    "resources");
            assertThat(map(list(container.get("ports")).getFirst())).containsEntry("containerPort", spec.defaultPort());
            // nothing may rely on a shell or coreutils in the image (its base is any JRE_IMAGE): no exec probe or hook
            assertThat(Files.readString(file)).as(spec.name() + " has no exec probe or hook").doesNotContain("exec:");
            assertThat(map(map(container.get("lifecycle")).get("preStop"))).as(spec.name() + " preStop")
                    .containsEntry("sleep", Map.of("seconds", 10));
            assertThat(map(container.get("startupProbe"))).as(spec.name() + " allows a slow first start")
                    .satisfies(p -> assertThat((Integer) p.get("periodSeconds") * (Integer) p.get("failureThreshold"))
                            .isGreaterThanOrEqualTo(300));
            assertThat(docs.stream().map(d -> d.get("kind")).toList()).as(spec.name())
                    .contains("Service", "PodDisruptionBudget");
            spec.database().ifPresent(db -> {
                assertThat(list(container.get("envFrom"))).as(spec.name() + " reads its database Secret")
                        .contains(Map.of("secretRef", Map.of("name", spec.name() + "-db")));
                assertThat(readme).as("deploy/README.md names " + spec.name() + "'s database")
                        .contains(spec.name()).contains("`" + db + "`");
            });
        }
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(reader)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
