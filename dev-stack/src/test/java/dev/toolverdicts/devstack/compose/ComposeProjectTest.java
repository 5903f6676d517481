package dev.toolverdicts.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What `docker-compose port` prints, as Docker and podman print it, becomes an address this machine can call. */
class ComposeProjectTest {

    @Test
    void aPortPublishedOnEveryInterfaceIsCalledOnLoopback() {
        assertThat(ComposeProject.reachable("0.0.0.0:8080")).isEqualTo("127.0.0.1:8080");
        assertThat(ComposeProject.reachable(":8080")).as("podman 4.3").isEqualTo("127.0.0.1:8080");
        assertThat(ComposeProject.reachable("[::]:8080")).isEqualTo("127.0.0.1:8080");
        assertThat(ComposeProject.reachable("127.0.0.1:5442")).isEqualTo("127.0.0.1:5442");
    }
}
