package dev.toolverdicts.devstack.compose;

import static dev.toolverdicts.devstack.compose.RenderedManifests.at;
import static dev.toolverdicts.devstack.compose.RenderedManifests.map;
import static dev.toolverdicts.devstack.compose.RenderedManifests.maps;
import static dev.toolverdicts.devstack.compose.RenderedManifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.devstack.compose.NetworkPolicyModel.Endpoint;
import dev.toolverdicts.devstack.compose.NetworkPolicyModel.Ipv4;
import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rendered production NetworkPolicies allow exactly the flows the system needs (issue 16, finding 5): the flows
 * are derived from the manifests' own wiring (the URIs in gateway-config and web-config, who gets the Kafka client
 * settings, a database Secret or the mail settings), then every pair of workloads and every port is asked.
 */
class ProductionNetworkPolicyTest {

    private static final String NAMESPACE = "toolverdicts";

    private static RenderedManifests manifests;
    private static NetworkPolicyModel network;
    private static Map<String, Endpoint> workloads;

    @BeforeAll
    static void render() throws Exception {
        manifests = RenderedManifests.production();
        network = new NetworkPolicyModel(manifests.ofKind("NetworkPolicy"));
        workloads = new TreeMap<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            workloads.put(name(deployment), podOf(deployment));
        }
    }

    @Test
    void everyPodStartsFromDefaultDenyInBothDirections() {
        Map<String, Object> deny = manifests.get("NetworkPolicy", "default-deny");
        assertThat(map(at(deny, "spec", "podSelector"))).isEmpty();
        assertThat(RenderedManifests.list(at(deny, "spec", "policyTypes"))).containsExactlyInAnyOrder("Ingress",
                "Egress");
        assertThat(at(deny, "spec", "ingress")).isNull();
        assertThat(at(deny, "spec", "egress")).isNull();

        Endpoint stranger = Endpoint.pod(NAMESPACE, Map.of("app", "debug"), Map.of());
        Endpoint elsewhere = Endpoint.pod("other", Map.of("app.kubernetes.io/name", "gateway"), Map.of());
        for (Endpoint workload : workloads.values()) {
            for (int port : workload.ports().values()) {
                assertThat(network.allowsTcp(stranger, workload, port)).as("a pod without a role → %s:%d",
                        workload.labels(), port).isFalse();
                assertThat(network.allowsTcp(elsewhere, workload, port)).as("a pod of another namespace → %s:%d",
                        workload.labels(), port).isFalse();
            }
            assertThat(network.allowsTcp(workload, Endpoint.address("93.184.215.14"), 443))
                    .as("%s → the internet", workload.labels()).isFalse();
        }
    }

    @Test
    void everyDeploymentIsSelectedByPoliciesOfItsOwnBesidesTheCatchAllOnes() {
        assertThat(workloads.keySet()).containsAll(ServiceCatalog.all().stream().map(ServiceSpec::name).toList());
        workloads.forEach((name, pod) -> {
            assertThat(network.ownPoliciesOf(pod, "Ingress")).as(name + " ingress").isNotEmpty();
            assertThat(network.ownPoliciesOf(pod, "Egress")).as(name + " egress").isNotEmpty();
        });
    }

    @Test
    void workloadsReachEachOtherOnlyWhereTheirWiringSaysSo() {
        Set<String> needed = neededFlows();
        assertThat(needed).as("the derivation found the wiring").hasSizeGreaterThan(15);
        List<String> wrong = new ArrayList<>();
        workloads.forEach((from, source) -> workloads.forEach((to, destination) -> {
            if (!from.equals(to)) {
                for (int port : new HashSet<>(destination.ports().values())) {
                    String flow = from + " -> " + to + ":" + port;
                    if (network.allowsTcp(source, destination, port) != needed.contains(flow)) {
                        wrong.add((needed.contains(flow) ? "denied but needed: " : "allowed but not needed: ") + flow);
                    }
                }
            }
        }));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theIngressControllerReachesOnlyThePublicHostsHttpPortsAndPrometheusOnlyManagementPorts() {
        Set<String> publicServices = new HashSet<>();
        for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                    Map<String, Object> service = map(at(path, "backend", "service"));
                    assertThat(at(service, "port", "name")).as("Ingress backends use the http port").isEqualTo("http");
                    publicServices.add((String) service.get("name"));
                }
            }
        }
        assertThat(publicServices).containsExactlyInAnyOrder(ServiceCatalog.GATEWAY, ServiceCatalog.IDENTITY);
        Endpoint controller = Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx",
                "app.kubernetes.io/component", "controller"), Map.of());
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
        workloads.forEach((name, pod) -> pod.ports().forEach((portName, port) -> {
            boolean isPublic = publicServices.contains(name) && portName.equals("http");
            assertThat(network.allowsTcp(controller, pod, port)).as("ingress controller → %s:%s", name, portName)
                    .isEqualTo(isPublic);
            assertThat(network.allowsTcp(prometheus, pod, port)).as("Prometheus → %s:%s", name, portName)
                    .isEqualTo(portName.equals("management"));
        }));
    }

    @Test
    void onlyTheServicesWithAKafkaLoginReachTheBrokersAndOnlyOnTheAuthenticatedListener() {
        Map<String, Object> kafka = manifests.get("Kafka", "toolverdicts");
        List<Map<String, Object>> listeners = maps(at(kafka, "spec", "kafka", "listeners"));
        int clientPort = (Integer) listeners.getFirst().get("port");
        List<Endpoint> nodes = kafkaNodes();
        assertThat(nodes).isNotEmpty();
        workloads.forEach((name, pod) -> {
            boolean client = envFromNames(name).contains("kafka-client-config");
            for (Endpoint node : nodes) {
                boolean broker = "true".equals(node.labels().get("strimzi.io/broker-role"));
                assertThat(network.allowsTcp(pod, node, clientPort)).as("%s → %s:%d", name, node.labels(), clientPort)
                        .isEqualTo(client && broker);
                for (int internal : List.of(9090, 9091, 8443)) {
                    assertThat(network.allowsTcp(pod, node, internal)).as("%s → Kafka internal %d", name, internal)
                            .isFalse();
                }
            }
        });
        Endpoint operator = Endpoint.pod("strimzi", Map.of("strimzi.io/kind", "cluster-operator"), Map.of());
        Endpoint entityOperator = Endpoint.pod(NAMESPACE, Map.of("strimzi.io/cluster", "toolverdicts",
                "strimzi.io/kind", "Kafka", "strimzi.io/name", "toolverdicts-entity-operator"), Map.of());
        String kubeApi = Ipv4.inside(networkParameter("KUBE_API_CIDR"));
        for (Endpoint node : nodes) {
            for (Endpoint other : nodes) {
                assertThat(network.allowsTcp(node, other, 9090)).as("Kafka control plane").isTrue();
                assertThat(network.allowsTcp(node, other, 9091)).as("Kafka replication").isTrue();
            }
            assertThat(network.allowsTcp(operator, node, 9091)).as("cluster operator → Kafka").isTrue();
            assertThat(network.allowsTcp(operator, node, 8443)).as("cluster operator → Kafka agent").isTrue();
            assertThat(network.allowsTcp(entityOperator, node, 9091)).as("entity operator → Kafka").isTrue();
            assertThat(network.allowsTcp(node, Endpoint.address(kubeApi), 443)).as("rack init → API").isTrue();
        }
        assertThat(network.allowsTcp(entityOperator, Endpoint.address(kubeApi), 443)).isTrue();
    }

    @Test
    void onlyTheServicesThatNeedThemReachTheDatabaseTheMailRelayAndDns() {
        String database = Ipv4.inside(networkParameter("DATABASE_CIDR"));
        String smtp = Ipv4.inside(networkParameter("SMTP_CIDR"));
        Endpoint dns = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
        workloads.forEach((name, pod) -> {
            boolean hasDatabase = envFromNames(name).contains(name + "-db");
            boolean sendsMail = envFromNames(name).contains("mail-config");
            assertThat(network.allowsTcp(pod, Endpoint.address(database), 5432)).as(name + " → PostgreSQL")
                    .isEqualTo(hasDatabase);
            assertThat(network.allowsTcp(pod, Endpoint.address(smtp), 587)).as(name + " → SMTP").isEqualTo(sendsMail);
            assertThat(network.allowsTcp(pod, Endpoint.address(smtp), 25)).as(name + " → SMTP:25").isFalse();
            assertThat(network.allows(pod, dns, 53, "UDP")).as(name + " → DNS").isTrue();
            assertThat(network.allows(pod, dns, 53, "TCP")).as(name + " → DNS over TCP").isTrue();
        });
        assertThat(workloads.keySet().stream().filter(n -> envFromNames(n).contains(n + "-db")).toList())
                .hasSize(ServiceCatalog.databases().size());
    }

    /** "from -> to:port" for every call the wiring makes: gateway and web by their URIs, services to identity. */
    private static Set<String> neededFlows() {
        Set<String> flows = new HashSet<>();
        for (String caller : List.of(ServiceCatalog.GATEWAY, ServiceCatalog.WEB)) {
            for (String configMap : envFromNames(caller)) {
                if (configMap.equals(caller + "-config")) {
                    manifests.configMap(configMap).forEach((key, value) -> {
                        if (key.startsWith("SERVICES_") && key.endsWith("_URI")) {
                            flows.add(caller + " -> " + target(URI.create((String) value)));
                        }
                    });
                }
            }
        }
        URI identity = URI.create((String) manifests.configMap("platform-config").get("SERVICES_IDENTITY_URI"));
        for (ServiceSpec spec : ServiceCatalog.all()) {
            // every service but web and identity itself validates tokens against identity's JWK set
            if (!spec.name().equals(ServiceCatalog.WEB) && !spec.name().equals(ServiceCatalog.IDENTITY)) {
                flows.add(spec.name() + " -> " + target(identity));
            }
        }
        return flows;
    }

    /** "deployment:containerPort" behind a Service URI. */
    private static String target(URI uri) {
        Map<String, Object> service = manifests.get("Service", uri.getHost());
        Map<String, Object> servicePort = maps(at(service, "spec", "ports")).stream()
                .filter(p -> p.get("port").equals(uri.getPort())).findFirst().orElseThrow();
        Predicate<Map<String, Object>> selected = d -> NetworkPolicyModel.matches(
                Map.of("matchLabels", map(at(service, "spec", "selector"))), podOf(d).labels());
        Map<String, Object> deployment = manifests.ofKind("Deployment").stream().filter(selected).findFirst()
                .orElseThrow();
        Object targetPort = servicePort.get("targetPort");
        int port = targetPort instanceof Integer number ? number : podOf(deployment).ports().get((String) targetPort);
        return name(deployment) + ":" + port;
    }

    private static Endpoint podOf(Map<String, Object> deployment) {
        Map<String, String> labels = new LinkedHashMap<>();
        map(at(deployment, "spec", "template", "metadata", "labels")).forEach((k, v) -> labels.put(k, (String) v));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> container : maps(at(deployment, "spec", "template", "spec", "containers"))) {
            for (Map<String, Object> port : maps(container.get("ports"))) {
                ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
            }
        }
        return Endpoint.pod((String) at(deployment, "metadata", "namespace"), labels, ports);
    }

    /** The pods Strimzi makes of the node pools, with the labels it gives them. */
    private static List<Endpoint> kafkaNodes() {
        List<Endpoint> nodes = new ArrayList<>();
        for (Map<String, Object> pool : manifests.ofKind("KafkaNodePool")) {
            Map<String, String> labels = new LinkedHashMap<>(Map.of("strimzi.io/cluster", "toolverdicts",
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", "toolverdicts-kafka",
                    "strimzi.io/pool-name", name(pool)));
            List<Object> roles = RenderedManifests.list(at(pool, "spec", "roles"));
            labels.put("strimzi.io/broker-role", String.valueOf(roles.contains("broker")));
            labels.put("strimzi.io/controller-role", String.valueOf(roles.contains("controller")));
            nodes.add(Endpoint.pod(NAMESPACE, labels, Map.of()));
        }
        return nodes;
    }

    private static List<String> envFromNames(String deployment) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> container : maps(at(manifests.get("Deployment", deployment), "spec", "template",
                "spec", "containers"))) {
            for (Map<String, Object> source : maps(container.get("envFrom"))) {
                Map<String, Object> ref = map(source.getOrDefault("configMapRef", source.get("secretRef")));
                String refName = (String) ref.get("name");
                names.add(refName.replaceFirst("-[a-z0-9]{10}$", ""));
            }
        }
        return names;
    }

    /** A value of the production overlay's network-parameters (a local ConfigMap: not in the rendered output). */
    private static String networkParameter(String key) {
        try {
            Map<String, Object> kustomization = RenderedManifests.loadAll(
                    RenderedManifests.PRODUCTION.resolve("kustomization.yaml")).getFirst();
            for (Map<String, Object> generator : maps(kustomization.get("configMapGenerator"))) {
                if ("network-parameters".equals(generator.get("name"))) {
                    for (Object literal : RenderedManifests.list(generator.get("literals"))) {
                        String[] pair = ((String) literal).split("=", 2);
                        if (pair[0].equals(key)) {
                            return pair[1];
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + key + " in the production overlay's network-parameters");
    }
}
