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

    @Test
    void residentMemoryIsTheVmRssOfAProcessStatus() {
        String status = """
                Name:\tjava
                Umask:\t0022
                State:\tS (sleeping)
                VmPeak:\t 3871236 kB
                VmSize:\t 3805700 kB
                VmHWM:\t  301532 kB
                VmRSS:\t  291840 kB
                RssAnon:\t  262144 kB
                """;
        assertThat(ComposeProject.residentKib(status)).isEqualTo(291840);
        assertThat(ComposeProject.residentKib("Name:\tkthreadd\nState:\tS (sleeping)\n")).as("no VmRSS line")
                .isZero();
    }
}
