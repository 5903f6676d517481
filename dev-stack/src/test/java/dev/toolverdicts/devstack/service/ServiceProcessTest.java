package dev.toolverdicts.devstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.toolverdicts.devstack.Ports;

/** Each service gets exactly the wiring (port, database, broker, mail, routes) the stack promises. */
class ServiceProcessTest {

    private final Ports ports = Ports.defaults();
    private final Path repo = Path.of("/repo");

    @Test
    void aServiceWithADatabaseAndMailGetsItsWiring() {
        ServiceSpec newsletter = ServiceCatalog.only(List.of("newsletter-service")).getFirst();

        ServiceProcess process = new ServiceProcess(newsletter, ports, repo, repo, repo.resolve("n.log"));

        assertThat(process.jar()).isEqualTo(Path.of("/repo/newsletter-service/target/newsletter-service.jar"));
        assertThat(process.arguments()).contains(
                "--server.port=8085",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5442/newsletter",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=3025");
    }

    @Test
    void theGatewayGetsARouteToEveryOtherServiceAndItsSessionDatabase() {
        ServiceSpec gateway = ServiceCatalog.only(List.of("gateway")).getFirst();

        ServiceProcess process = new ServiceProcess(gateway, ports, repo, repo, repo.resolve("g.log"));

        assertThat(process.arguments())
                .contains("--server.port=8080",
                        "--spring.profiles.active=dev",
                        "--services.catalog.uri=http://127.0.0.1:8081",
                        "--services.review.uri=http://127.0.0.1:8082",
                        "--services.vote.uri=http://127.0.0.1:8083",
                        "--services.comparison.uri=http://127.0.0.1:8084",
                        "--services.newsletter.uri=http://127.0.0.1:8085",
                        "--services.web.uri=http://127.0.0.1:8086",
                        "--services.identity.uri=http://127.0.0.1:9000",
                        "--services.identity.issuer=http://localhost:9000",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5442/gateway")
                .filteredOn(arg -> arg.startsWith("--services.identity.uri=")).hasSize(1);
    }

    @Test
    void onlyTheGatewayTakesTheBigHeapItIsGiven() {
        ServiceSpec gateway = ServiceCatalog.only(List.of("gateway")).getFirst();
        ServiceSpec votes = ServiceCatalog.only(List.of("vote-service")).getFirst();
        Map<String, String> env = Map.of(ServiceProcess.GATEWAY_HEAP_ENV, "2g");

        assertThat(ServiceProcess.jvmFlags(gateway, quick(gateway), env)).contains("-Xms2g", "-Xmx2g", "-XX:+UseG1GC")
                .doesNotContain("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(ServiceProcess.jvmFlags(votes, quick(votes), env)).contains("-Xmx256m");
        assertThat(ServiceProcess.jvmFlags(gateway, quick(gateway), Map.of())).contains("-Xmx256m");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceProcess.jvmFlags(gateway, quick(gateway), Map.of(ServiceProcess.GATEWAY_HEAP_ENV, "2 GB")));
    }

    private static List<String> quick(ServiceSpec spec) {
        return dev.toolverdicts.devstack.jvm.ServiceJvm.quickStart().flags(spec.name());
    }

    @Test
    void theNewsletterRunsTheDevProfileForItsPublishedLinkSecret() {
        ServiceSpec newsletter = ServiceCatalog.only(List.of("newsletter-service")).getFirst();

        ServiceProcess process = new ServiceProcess(newsletter, ports, repo, repo, repo.resolve("n.log"));

        assertThat(process.arguments()).contains("--spring.profiles.active=dev");
    }

    @Test
    void theIdentityServiceSeedsDemoUsersAndKnowsItsPublicAddresses() {
        ServiceSpec identity = ServiceCatalog.only(List.of("identity-service")).getFirst();

        ServiceProcess process = new ServiceProcess(identity, ports, repo, repo, repo.resolve("i.log"));

        assertThat(process.arguments()).contains(
                "--spring.profiles.active=dev",
                "--identity.issuer=http://localhost:9000",
                "--identity.demo-users.enabled=true",
                "--identity.clients.gateway.redirect-uris=http://localhost:8080/login/oauth2/code/identity");
    }

    @Test
    void extraInstancesGetTheirOwnPortAndNameAndTheGatewayKnowsEveryInstance() {
        Instances instances = new Instances(ports, Map.of("comparison-service", 2, "gateway", 2));
        ServiceSpec comparison = ServiceCatalog.only(List.of("comparison-service")).getFirst();
        ServiceSpec gateway = ServiceCatalog.only(List.of("gateway")).getFirst();

        ServiceProcess second = new ServiceProcess(comparison, 1, instances, repo, repo, repo.resolve("c.log"));
        ServiceProcess secondGateway = new ServiceProcess(gateway, 1, instances, repo, repo, repo.resolve("g.log"));

        assertThat(second.name()).isEqualTo("comparison-service-2");
        assertThat(second.arguments()).contains("--server.port=8184",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5442/comparison");
        assertThat(secondGateway.arguments()).contains("--server.port=8280",
                "--services.site.uri=http://localhost:8080",
                "--services.comparison.uri=http://127.0.0.1:8084",
                "--spring.cloud.discovery.client.simple.instances.comparison-service[0].uri=http://127.0.0.1:8084",
                "--spring.cloud.discovery.client.simple.instances.comparison-service[1].uri=http://127.0.0.1:8184")
                .noneMatch(arg -> arg.contains("simple.instances.vote-service"));
    }

    @Test
    void onlyQuickModeWithItsOwnFlagsStartsFromAnAotCache() {
        ServiceSpec votes = ServiceCatalog.only(List.of("vote-service")).getFirst();
        ServiceProcess quick = new ServiceProcess(votes, 0, Instances.single(ports),
                dev.toolverdicts.devstack.jvm.ServiceJvm.quickStart(), repo, repo, repo.resolve("v.log"));
        ServiceProcess perf = new ServiceProcess(votes, 0, Instances.single(ports),
                dev.toolverdicts.devstack.jvm.ServiceJvm.of(dev.toolverdicts.devstack.jvm.JvmMode.PERF,
                        Path.of("..").toAbsolutePath().normalize()), repo, repo, repo.resolve("v.log"));

        assertThat(quick.usesAotCache(quick(votes), Map.of())).isTrue();
        assertThat(quick.usesAotCache(quick(votes), Map.of("DEV_STACK_AOT_CACHE", "off"))).isFalse();
        // a gateway given its own heap runs other flags than its cache was made with
        assertThat(quick.usesAotCache(List.of("-Xmx2g", "-XX:+UseG1GC"), Map.of())).isFalse();
        // --perf runs what the container image runs, and the image has no AOT cache
        assertThat(perf.usesAotCache(perf.jvmFlags(), Map.of())).isFalse();
    }
}
