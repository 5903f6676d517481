package dev.toolverdicts.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
