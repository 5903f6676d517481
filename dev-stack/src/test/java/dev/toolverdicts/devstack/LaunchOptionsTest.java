package dev.toolverdicts.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.toolverdicts.devstack.jvm.JvmMode;
import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;

/** The command line of dev-stack.sh, including the mistakes a person makes typing it. */
class LaunchOptionsTest {

    @Test
    void startsEverythingByDefault() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options.reset()).isFalse();
        assertThat(options.demoData()).isTrue();
        assertThat(options.services()).isEqualTo(ServiceCatalog.all());
        assertThat(options.jvm()).as("quick start stays the default").isEqualTo(JvmMode.QUICK);
    }

    @Test
    void perfRunsTheServicesWithTheImagesJvmSettings() {
        LaunchOptions options = LaunchOptions.parse("--reset", "--perf", "--only", "comparison-service,gateway");

        assertThat(options.jvm()).isEqualTo(JvmMode.PERF);
        assertThat(options.reset()).isTrue();
        assertThat(options.services()).extracting(ServiceSpec::name).containsExactly("comparison-service", "gateway");
        assertThat(LaunchOptions.USAGE).contains("--perf");
    }

    @Test
    void onlyKeepsTheNamedServicesInStartOrderWithTheGatewayLast() {
        LaunchOptions options = LaunchOptions.parse("--reset", "--only", "gateway,comparison-service, catalog-service");

        assertThat(options.reset()).isTrue();
        assertThat(options.services()).extracting(ServiceSpec::name)
                .containsExactly("catalog-service", "comparison-service", "gateway");
    }

    @Test
    void acceptsTheEqualsForm() {
        assertThat(LaunchOptions.parse("--only=web").services()).extracting(ServiceSpec::name).containsExactly("web");
    }

    @Test
    void namesUnknownServicesAndArguments() {
        assertThatThrownBy(() -> LaunchOptions.parse("--only", "catalog,web"))
                .hasMessageContaining("unknown service(s) catalog").hasMessageContaining("catalog-service");
        assertThatThrownBy(() -> LaunchOptions.parse("--fast")).hasMessageContaining("unknown argument --fast");
        assertThatThrownBy(() -> LaunchOptions.parse("--only")).hasMessageContaining("--only needs");
    }

    @Test
    void replicasStartSeveralInstancesOfAnyService() {
        LaunchOptions options = LaunchOptions.parse("--replicas", "comparison-service=2, gateway=3", "--reset");

        assertThat(options.replicas()).isEqualTo(Map.of("comparison-service", 2, "gateway", 3));
        assertThat(options.replicas("comparison-service")).isEqualTo(2);
        assertThat(options.replicas("vote-service")).isEqualTo(1);
        assertThat(options.services()).isEqualTo(ServiceCatalog.all());
        assertThat(LaunchOptions.parse("--replicas=vote-service=2").replicas()).isEqualTo(Map.of("vote-service", 2));
        assertThat(LaunchOptions.parse("--replicas", "web=1").replicas()).as("one is the default").isEmpty();
        assertThat(LaunchOptions.parse().replicas()).isEmpty();
    }

    @Test
    void replicasNameTheMistake() {
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas", "comparison=2"))
                .hasMessageContaining("unknown service(s) comparison");
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas", "gateway")).hasMessageContaining("service=N");
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas", "gateway=two")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas", "gateway=0")).hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas", "gateway=10")).hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas", "gateway=2,gateway=3")).hasMessageContaining("twice");
        assertThatThrownBy(() -> LaunchOptions.parse("--replicas")).hasMessageContaining("--replicas needs");
        assertThatThrownBy(() -> LaunchOptions.parse("--only", "gateway", "--replicas", "web=2"))
                .hasMessageContaining("web, which --only does not start");
    }

    @Test
    void extraInstancesListenOnTheDocumentedPorts() {
        Ports ports = Ports.defaults();

        assertThat(ports.instances("comparison-service", 3)).containsExactly(8084, 8184, 8284);
        assertThat(ports.instances("identity-service", 2)).containsExactly(9000, 9100);
        assertThat(ports.instances("gateway", 1)).as("one gateway binds the entry port").containsExactly(8080);
        assertThat(ports.instances("gateway", 2)).as("behind the balancer on 8080").containsExactly(8180, 8280);
        assertThatThrownBy(() -> ports.instances("gateway", 10)).hasMessageContaining("at most 9 instances");
    }

    @Test
    void freePortsHaveRoomForTheReplicasAndAreAllDistinct() {
        Ports ports = Ports.free(Map.of("gateway", 2, "vote-service", 3));

        List<Integer> all = new java.util.ArrayList<>(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(),
                ports.smtp(), ports.imap(), ports.mailApi()));
        all.addAll(ports.services().values());
        all.addAll(ports.instances("gateway", 2));
        all.addAll(ports.instances("vote-service", 3).subList(1, 3));
        assertThat(all).doesNotHaveDuplicates().hasSize(6 + ServiceCatalog.all().size() + 4);
        assertThat(ports.instances("vote-service", 3).getFirst()).isEqualTo(ports.service("vote-service"));
        assertThatThrownBy(() -> ports.instances("comparison-service", 2)).hasMessageContaining("at most 1");
    }
}
